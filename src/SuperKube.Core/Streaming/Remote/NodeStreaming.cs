using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SuperKube.Streaming.Remote;

/// <summary>
/// The contract between the API server and the streaming server of a remote node agent (the kubelet's port 10250):
/// kubelet-style paths, the API server's client identity, and the annotation that pins the node's serving certificate.
/// </summary>
/// <remarks>
/// The node serves HTTPS with a self-signed certificate whose SHA-256 it publishes in <see cref="CertificateAnnotation"/>
/// on its Node (only the node itself and administrators write Nodes), so the API server verifies whom it dials. The API
/// server presents a client certificate signed by the cluster CA with <see cref="ClientCommonName"/>; the node trusts the
/// cluster CA from <c>--ca-file</c> and accepts nothing else. The client CA that signs user certificates is a different
/// CA, so no user certificate passes.
/// </remarks>
internal static class NodeStreaming
{
    /// <summary>The CN of the certificate the API server dials nodes with (kube-apiserver's is kube-apiserver-kubelet-client).</summary>
    public const string ClientCommonName = "superkube-apiserver-node-client";

    /// <summary>The Node annotation holding the hex SHA-256 of the node's streaming serving certificate.</summary>
    public const string CertificateAnnotation = "superkube.io/streaming-certificate-sha256";

    private const string ClientAuthUsage = "1.3.6.1.5.5.7.3.2";

    /// <summary>The lower-case hex SHA-256 of a certificate's DER bytes.</summary>
    public static string Fingerprint(X509Certificate certificate) => Convert.ToHexStringLower(SHA256.HashData(certificate.GetRawCertData()));

    /// <summary>Whether <paramref name="certificate"/> is the API server's: issued by <paramref name="clusterAuthority"/> for client auth, with <see cref="ClientCommonName"/>.</summary>
    public static bool IsApiServer(X509Certificate2 certificate, X509Certificate2 clusterAuthority)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(clusterAuthority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid(ClientAuthUsage));
        return chain.Build(certificate) && certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false) == ClientCommonName;
    }

    /// <summary>A self-signed serving certificate for a node's streaming server (ECDSA P-256, one year).</summary>
    public static X509Certificate2 CreateServingCertificate(string nodeName, DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN=superkube-node-{nodeName}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(365));
    }
}
