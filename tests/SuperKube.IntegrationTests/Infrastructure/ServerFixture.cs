using SuperKube.Host;

namespace SuperKube.IntegrationTests.Infrastructure;

/// <summary>
/// A real <c>superkube server</c> (the CLI host) started in-process on a free loopback port with its own data
/// directory, plus a kubectl bound to its kubeconfig.
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

    public async ValueTask InitializeAsync()
    {
        var settings = CreateSettings(DataDir);
        _host = await ServerHost.StartAsync(settings, TextWriter.Null, CancellationToken.None);
        var cache = Path.Combine(DataDir, "kubectl-cache");
        Directory.CreateDirectory(cache);
        Kubectl = new Kubectl(_host.KubeconfigPath, cache);
        Http = new HttpClient { BaseAddress = _host.Url };
    }

    /// <summary>The server's settings; a derived fixture may add flags (for example <c>--fake-nodes</c>).</summary>
    internal virtual ServerSettings CreateSettings(string dataDir) => new() { DataDir = dataDir, Port = 0 };

    public async ValueTask DisposeAsync()
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
