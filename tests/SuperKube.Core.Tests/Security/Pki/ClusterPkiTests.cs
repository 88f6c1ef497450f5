using System.Security.Cryptography.X509Certificates;
using SuperKube.Security.Tests;

namespace SuperKube.Security.Pki.Tests;

public sealed class ClusterPkiTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "superkube-pki-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly ManualTime _time = new(DateTimeOffset.UtcNow);

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void LoadOrCreate_FirstStart_WritesPrivateFilesAndServesTheNames()
    {
        using var pki = ClusterPki.LoadOrCreate(_directory, ["localhost", "127.0.0.1", "kubernetes.default.svc.cluster.local", "10.96.0.1"], _time);

        var san = pki.ServingCertificate().Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Contains("kubernetes.default.svc.cluster.local", san.EnumerateDnsNames());
        Assert.Contains("10.96.0.1", san.EnumerateIPAddresses().Select(a => a.ToString()));
        Assert.Contains("O=system:masters", pki.Admin.Subject, StringComparison.Ordinal);
        Assert.True(pki.ServingCertificate().HasPrivateKey);
        if (!OperatingSystem.IsWindows())
        {
            Assert.All(Directory.GetFiles(_directory), f => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f)));
        }
    }

    [Fact]
    public void LoadOrCreate_SecondStart_KeepsCaAndTokens()
    {
        string thumbprint, token;
        using (var first = ClusterPki.LoadOrCreate(_directory, ["localhost"], _time))
        {
            thumbprint = first.ClusterAuthority.Thumbprint;
            token = first.NodeToken;
        }

        using var second = ClusterPki.LoadOrCreate(_directory, ["localhost"], _time);

        Assert.Equal(thumbprint, second.ClusterAuthority.Thumbprint);
        Assert.Equal(token, second.NodeToken);
    }

    [Fact]
    public void ServingCertificate_NearExpiryOrNewName_IsRenewedUnderTheSameCa()
    {
        using var pki = ClusterPki.LoadOrCreate(_directory, ["localhost"], _time);
        var original = pki.ServingCertificate();

        _time.Now = _time.Now.AddDays(100);
        var early = pki.ServingCertificate();
        _time.Now = _time.Now.AddDays(200);
        var renewed = pki.ServingCertificate();
        using var renamed = ClusterPki.LoadOrCreate(_directory, ["localhost", "api.example.com"], _time);

        Assert.Same(original, early);
        Assert.NotEqual(original.Thumbprint, renewed.Thumbprint);
        Assert.Equal(pki.ClusterAuthority.Subject, renewed.Issuer);
        Assert.Contains("api.example.com", renamed.ServingCertificate().Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateDnsNames());
    }

    [Fact]
    public void FirstAddress_ServiceRange_IsTheKubernetesServiceIp()
    {
        Assert.Equal("10.96.0.1", ServerNames.FirstAddress("10.96.0.0/12"));
        Assert.Null(ServerNames.FirstAddress("fd00::/108"));
    }
}
