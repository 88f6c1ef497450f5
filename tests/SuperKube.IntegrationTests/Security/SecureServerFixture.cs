using System.Security.Cryptography.X509Certificates;
using SuperKube.IntegrationTests.Infrastructure;
using SuperKube.Security.Pki;

namespace SuperKube.IntegrationTests.Security;

/// <summary>A secured server plus helpers to act as other users: kubeconfigs with a client certificate or a token only.</summary>
public class SecureServerFixture : ServerFixture
{
    /// <summary>A kubectl for <paramref name="user"/> (client certificate signed by the client CA, with the given groups).</summary>
    public Infrastructure.Kubectl KubectlAs(string user, params string[] groups)
    {
        using var cert = CertificateFactory.CreateClient(Pki.ClientAuthority, user, groups, DateTimeOffset.UtcNow, TimeSpan.FromHours(1));
        using var key = cert.GetECDsaPrivateKey()!; // created with a key
        return KubectlWith(user, $"client-certificate-data: {B64(cert.ExportCertificatePem())}\n    client-key-data: {B64(key.ExportPkcs8PrivateKeyPem())}");
    }

    /// <summary>A kubectl that trusts the CA and sends only <paramref name="token"/>.</summary>
    public Infrastructure.Kubectl KubectlWithToken(string token) => KubectlWith("t-" + Guid.NewGuid().ToString("N")[..6], $"token: {token}");

    public X509Certificate2 ClientCertificate(string user, params string[] groups) =>
        CertificateFactory.CreateClient(Pki.ClientAuthority, user, groups, DateTimeOffset.UtcNow, TimeSpan.FromHours(1));

    private Infrastructure.Kubectl KubectlWith(string name, string userYaml)
    {
        var dir = Path.Combine(DataDir, "users", name + "-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "kubeconfig.yaml");
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: c
              cluster:
                server: {Url.ToString().TrimEnd('/')}
                certificate-authority-data: {B64(Pki.ClusterAuthorityPem)}
            contexts:
            - name: c
              context: {"{cluster: c, user: u, namespace: default}"}
            current-context: c
            users:
            - name: u
              user:
                {userYaml}

            """);
        return new Infrastructure.Kubectl(path, dir);
    }

    private static string B64(string text) => Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(text));
}
