using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using SuperKube.Hosting;
using SuperKube.Security.Pki;

namespace SuperKube.Host;

/// <summary>TLS for <c>superkube server</c>: the PKI in the data directory, Kestrel's HTTPS, and the admin kubeconfig.</summary>
internal static class ServerSecurity
{
    /// <summary>The cluster PKI, or null with <c>--insecure-http</c> (which is only allowed on loopback).</summary>
    public static ClusterPki? Prepare(ServerSettings settings)
    {
        if (settings.InsecureHttp)
        {
            if (!IPAddress.TryParse(settings.Host, out var address) || !IPAddress.IsLoopback(address))
            {
                throw new ArgumentException($"--insecure-http serves plain HTTP without authentication and only listens on loopback (got --host {settings.Host})");
            }

            return null;
        }

        var names = ServerNames.For(settings.Host, settings.ServiceCidr, settings.ClusterDomain, settings.TlsSans);
        return ClusterPki.LoadOrCreate(Path.Combine(settings.DataDir, "pki"), names, TimeProvider.System);
    }

    /// <summary>HTTPS with the (renewing) serving certificate; client certificates are requested, not required, and checked by the authenticator.</summary>
    public static void UseTls(ListenOptions listen, ClusterPki pki) => listen.UseHttps(new HttpsConnectionAdapterOptions
    {
        ServerCertificateSelector = (_, _) => pki.ServingCertificate(),
        ClientCertificateMode = ClientCertificateMode.AllowCertificate,
        ClientCertificateValidation = (_, _, _) => true,
    });

    public static KubeconfigCredentials? Credentials(ClusterPki? pki)
    {
        if (pki is null)
        {
            return null;
        }

        using var key = pki.Admin.GetECDsaPrivateKey() ?? throw new InvalidOperationException("the admin certificate has no key");
        return new KubeconfigCredentials(pki.ClusterAuthorityPem, pki.Admin.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem(), pki.AdminToken);
    }

    public static async Task DescribeAsync(TextWriter output, string address, ClusterPki? pki)
    {
        if (pki is null)
        {
            await output.WriteLineAsync($"API server listening on {address} (--insecure-http: plain HTTP on loopback, no authentication or authorization)");
            return;
        }

        await output.WriteLineAsync($"API server listening on {address} (TLS; client certificates, bearer tokens and service-account tokens; RBAC)");
        await output.WriteLineAsync($"PKI: {pki.Directory} (cluster CA ca.crt, client CA client-ca.crt, static tokens tokens.csv)");
        await output.WriteLineAsync($"Node join token: {Path.Combine(pki.Directory, "node-token")}");
        await output.WriteLineAsync($"  superkube node --server {address} --token $(cat {Path.Combine(pki.Directory, "node-token")}) --ca-file {Path.Combine(pki.Directory, "ca.crt")}");
    }
}
