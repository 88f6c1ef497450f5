using System.Security.Cryptography.X509Certificates;

namespace SuperKube.IntegrationTests.Infrastructure;

/// <summary>An HTTP client for one test server: trusts the cluster CA and sends a bearer token and/or a client certificate.</summary>
public static class ClusterHttpClient
{
    public static HttpClient Create(Uri url, X509Certificate2 clusterAuthority, string? token, X509Certificate2? clientCertificate = null)
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.CertificateChainPolicy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
        handler.SslOptions.CertificateChainPolicy.CustomTrustStore.Add(clusterAuthority);
        if (clientCertificate is not null)
        {
            handler.SslOptions.ClientCertificates = [clientCertificate];
        }

        var http = new HttpClient(handler) { BaseAddress = url };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return http;
    }
}
