using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SuperKube.Security.Pki;

/// <summary>Creates the cluster's certificates: self-signed CAs and leaves they sign, all ECDSA P-256 with SHA-256.</summary>
internal static class CertificateFactory
{
    private const string ServerAuth = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuth = "1.3.6.1.5.5.7.3.2";

    public static X509Certificate2 CreateAuthority(string commonName, DateTimeOffset now, TimeSpan lifetime)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName($"CN={commonName}"), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(now.AddMinutes(-5), now.Add(lifetime));
    }

    /// <summary>A serving certificate for the given DNS names and IP addresses.</summary>
    public static X509Certificate2 CreateServer(X509Certificate2 authority, string commonName, IEnumerable<string> names, DateTimeOffset now, TimeSpan lifetime)
    {
        var san = new SubjectAlternativeNameBuilder();
        foreach (var name in names.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (IPAddress.TryParse(name, out var address))
            {
                san.AddIpAddress(address);
            }
            else
            {
                san.AddDnsName(name);
            }
        }

        return CreateLeaf(authority, new X500DistinguishedName($"CN={commonName}"), ServerAuth, now, lifetime, san.Build());
    }

    /// <summary>A client certificate: CN is the user name, each O a group (as Kubernetes reads them).</summary>
    public static X509Certificate2 CreateClient(X509Certificate2 authority, string user, IEnumerable<string> groups, DateTimeOffset now, TimeSpan lifetime)
    {
        var subject = new X500DistinguishedNameBuilder();
        foreach (var group in groups)
        {
            subject.AddOrganizationName(group);
        }

        subject.AddCommonName(user);
        return CreateLeaf(authority, subject.Build(), ClientAuth, now, lifetime, extension: null);
    }

    private static X509Certificate2 CreateLeaf(
        X509Certificate2 authority, X500DistinguishedName subject, string usage, DateTimeOffset now, TimeSpan lifetime, X509Extension? extension)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, true, false));
        if (extension is not null)
        {
            request.CertificateExtensions.Add(extension);
        }

        var notAfter = now.Add(lifetime) < authority.NotAfter ? now.Add(lifetime) : new DateTimeOffset(authority.NotAfter);
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var signed = request.Create(authority, now.AddMinutes(-5), notAfter, serial);
        return signed.CopyWithPrivateKey(key);
    }
}
