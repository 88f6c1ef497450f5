using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using SuperKube.IntegrationTests.Infrastructure;

namespace SuperKube.IntegrationTests.MultiServer;

/// <summary>
/// A real <c>superkube server</c> process (the apphost built next to the tests) on a free loopback port with its own
/// data directory and kubeconfig, so a test can <see cref="Kill"/> it with SIGKILL as a crash would.
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly LineReader _output;

    private ServerProcess(Process process, string dataDir, int port)
    {
        _process = process;
        _output = new LineReader(process.StandardOutput);
        _ = process.StandardError.ReadToEndAsync();
        DataDir = dataDir;
        Port = port;
    }

    public string DataDir { get; }

    public int Port { get; }

    /// <summary>The holder identity this server's leases carry (read from its log).</summary>
    public string Identity { get; private set; } = "";

    public Infrastructure.Kubectl Kubectl { get; private set; } = null!;

    public static async Task<ServerProcess> StartAsync(string databaseUrl, string nodeName, int leaseDurationSeconds)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "superkube-proc-" + Guid.NewGuid().ToString("N")[..8]);
        var port = FreePort();
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "superkube"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[
                     "server", "--data-dir", dataDir, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db-url", databaseUrl,
                     "--runtime", "fake", "--node-name", nodeName, "--lease-duration", leaseDurationSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            start.ArgumentList.Add(argument);
        }

        var server = new ServerProcess(Process.Start(start) ?? throw new InvalidOperationException("superkube did not start"), dataDir, port);
        try
        {
            var registered = await server._output.WaitForAsync(l => l.Contains("Registered as server ", StringComparison.Ordinal), StartTimeout);
            server.Identity = IdentityPattern().Match(registered).Groups[1].Value;
            var kubeconfig = Path.Combine(dataDir, "kubeconfig.yaml");
            await Poll.UntilAsync(() => Task.FromResult(File.Exists(kubeconfig)), StartTimeout, "no kubeconfig written");
            var cache = Path.Combine(dataDir, "kubectl-cache");
            Directory.CreateDirectory(cache);
            server.Kubectl = new Infrastructure.Kubectl(kubeconfig, cache);
            await Poll.UntilAsync(async () => (await server.Kubectl.RunAsync("get", "--raw", "/readyz")).ExitCode == 0, StartTimeout, "never ready");
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>An HTTP client for this server as its kubeconfig describes it (its CA trusted, its admin token sent).</summary>
    public HttpClient CreateHttpClient() => Client.KubernetesClientFactory.HttpClientFromKubeconfig(Path.Combine(DataDir, "kubeconfig.yaml"));

    /// <summary>SIGKILL: no shutdown, no lease released, no record removed.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"Registered as server (\S+) at")]
    private static partial Regex IdentityPattern();
}
