using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using SuperKube.Host;
using SuperKube.Security.Pki;

namespace SuperKube.IntegrationTests.Infrastructure;

/// <summary>
/// A real <c>superkube server</c> (the CLI host) started in-process on a free loopback port with its own data
/// directory, plus a kubectl bound to its kubeconfig. The server is secured (TLS, authentication, RBAC) as
/// <c>superkube server</c> is by default; <see cref="Http"/> trusts its CA and sends the admin token.
/// </summary>
public class ServerFixture : IAsyncLifetime
{
    private ServerHost? _host;

    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), "superkube-it-" + Guid.NewGuid().ToString("N")[..8]);

    public Kubectl Kubectl { get; private set; } = null!;

    public Uri Url => _host?.Url ?? throw new InvalidOperationException("not started");

    public string KubeconfigPath => _host?.KubeconfigPath ?? throw new InvalidOperationException("not started");

    public HttpClient Http { get; private set; } = null!;

    internal IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException("not started");

    public virtual async ValueTask InitializeAsync()
    {
        var settings = CreateSettings(DataDir);
        _host = await ServerHost.StartAsync(settings, TextWriter.Null, CancellationToken.None);
        var cache = Path.Combine(DataDir, "kubectl-cache");
        Directory.CreateDirectory(cache);
        Kubectl = new Kubectl(_host.KubeconfigPath, cache);
        Http = settings.InsecureHttp ? new HttpClient { BaseAddress = Url } : CreateHttpClient(Pki.AdminToken);
    }

    /// <summary>The server's PKI: CA, admin credentials, tokens.</summary>
    public ClusterPki Pki => Services.GetRequiredService<ClusterPki>();

    /// <summary>An HTTP client that trusts the cluster CA and sends <paramref name="token"/> (none when null), without a client certificate.</summary>
    public HttpClient CreateHttpClient(string? token, X509Certificate2? clientCertificate = null) =>
        ClusterHttpClient.Create(Url, Pki.ClusterAuthority, token, clientCertificate);

    /// <summary>
    /// The server's settings; a derived fixture may add flags (for example <c>--fake-nodes</c>). The embedded node runs
    /// the Fake runtime, whether or not Docker is on the machine.
    /// </summary>
    internal virtual ServerSettings CreateSettings(string dataDir) => new() { DataDir = dataDir, Port = 0, Runtime = "fake" };

    public virtual async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a file may still be open on shutdown.
        }
    }
}
