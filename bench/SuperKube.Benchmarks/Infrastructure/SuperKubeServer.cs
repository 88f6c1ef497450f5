using System.Globalization;
using System.Text.RegularExpressions;

namespace SuperKube.Benchmarks.Infrastructure;

/// <summary>
/// <c>dotnet superkube.dll server</c> (or the single-file <c>superkube server</c>) as a child process on a free loopback port with its own temporary data
/// directory, which is deleted again on dispose.
/// </summary>
internal sealed partial class SuperKubeServer : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly string _dataDir;

    private SuperKubeServer(ChildProcess process, string dataDir, Uri url)
    {
        _process = process;
        _dataDir = dataDir;
        Url = url;
    }

    /// <summary>The server's data directory (its PKI is in <c>pki/</c>).</summary>
    public string DataDir => _dataDir;

    public Uri Url { get; }

    public int ProcessId => _process.Id;

    /// <summary>From process start to the first 200 of <c>/readyz</c>.</summary>
    public TimeSpan StartToReady { get; private set; }

    /// <summary>The server's own "Ready in N ms." figure (from its start-up code to listening), if it printed one.</summary>
    public int? ReportedReadyMilliseconds { get; private set; }

    /// <summary>
    /// Starts the server with the embedded node on <paramref name="runtime"/> (<c>fake</c> unless a mode needs Docker).
    /// Plain HTTP without authentication unless <paramref name="secure"/> (then TLS, authentication and RBAC, as
    /// <c>superkube server</c> runs by default; <paramref name="client"/> must then trust <c>DATA_DIR/pki/ca.crt</c>, so
    /// pass the <paramref name="dataDir"/>, a new temporary directory that is deleted on dispose).
    /// <paramref name="extraArguments"/> are added to the command line (for example <c>--db-url</c>).
    /// </summary>
    public static async Task<SuperKubeServer> StartAsync(
        string serverDll, HttpClient client, CancellationToken cancellationToken, string runtime = "fake", bool secure = false, string? dataDir = null,
        IReadOnlyList<string>? extraArguments = null)
    {
        dataDir ??= Directory.CreateTempSubdirectory("superkube-bench-").FullName;
        var port = FreePort.Next();
        var url = new Uri($"{(secure ? "https" : "http")}://127.0.0.1:{port}/");
        // Plain HTTP on loopback by default, so GETs compare with a bare Kestrel endpoint without TLS on either side.
        string[] arguments = ["server", "--data-dir", dataDir, "--port", port.ToString(CultureInfo.InvariantCulture), "--runtime", runtime, .. secure ? Array.Empty<string>() : ["--insecure-http"], .. extraArguments ?? []];
        // superkube.dll runs on the installed runtime; anything else is the single-file executable (build/publish.sh).
        var process = serverDll.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? ChildProcess.Start("dotnet", [serverDll, .. arguments])
            : ChildProcess.Start(serverDll, arguments);
        var server = new SuperKubeServer(process, dataDir, url);
        try
        {
            server.StartToReady = await process.WaitForOkAsync(client, new Uri(url, "readyz"), TimeSpan.FromSeconds(30), cancellationToken);
            server.ReportedReadyMilliseconds = await server.ReadReportedReadyAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: it is a temporary directory.
        }
    }

    /// <summary>The line is printed right after listening starts, so it can trail /readyz by a moment: wait briefly.</summary>
    private async Task<int?> ReadReportedReadyAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            foreach (var line in _process.Lines)
            {
                if (ReadyLine().Match(line) is { Success: true } match)
                {
                    return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10), cancellationToken);
        }

        return null;
    }

    [GeneratedRegex(@"Ready in (\d+) ms")]
    private static partial Regex ReadyLine();
}
