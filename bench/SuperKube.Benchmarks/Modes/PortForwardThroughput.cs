using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using SuperKube.Benchmarks.Infrastructure;

namespace SuperKube.Benchmarks.Modes;

/// <summary>
/// Port-forward throughput on the Docker runtime: the same file downloaded from a pod's busybox httpd through
/// <c>kubectl port-forward</c> (SPDY over WebSocket through the API server) and straight from the pod's address,
/// interleaved (direct, tunnel, direct, tunnel, ...) after untimed warm-ups and once the server is idle, so both see the
/// same moments of machine load; the ratio is the median tunnel rate over the median direct rate. Also the CPU time the server and
/// kubectl spend per file through the tunnel, which a loaded machine disturbs far less than it does the throughputs.
/// </summary>
internal static partial class PortForwardThroughput
{
    public const int Megabytes = 64;

    /// <summary>Timed downloads of each kind; with the warm-ups 20 downloads of 64 MiB, a few seconds on an idle machine.</summary>
    private const int Samples = 7;

    /// <summary>Untimed tunnel downloads of the file first: the server compiles and tiers up its streaming path on first use.</summary>
    private const int WarmUps = 5;

    /// <summary>
    /// Untimed small requests through the tunnel before those, each on a connection of its own as every download is: the
    /// tiered JIT recompiles a method after 30 calls (twice with dynamic PGO), so the per-connection code (a SPDY stream,
    /// the pod connection, the splicing thread) runs at its final tier only after some 60 connections; a long-running
    /// server is there, a fresh one compiles during the timed downloads otherwise.
    /// </summary>
    private const int ConnectionWarmUps = 100;

    /// <summary>The pod's command: writes the file and a small one, then serves them on port 8080.</summary>
    public const string Command = """["sh","-c","mkdir -p /www && dd if=/dev/zero of=/www/big bs=1048576 count=64 2>/dev/null && echo ok > /www/small && exec httpd -f -p 8080 -h /www"]""";

    /// <summary>
    /// The figures of one measurement: the rates of each timed download in MB/s, in order, and the CPU times in
    /// milliseconds per file, over all timed tunnel downloads.
    /// </summary>
    public sealed record Result(IReadOnlyList<double> Tunnel, IReadOnlyList<double> Direct, double ServerCpuMs, double KubectlCpuMs, double Load, TimeSpan Settled)
    {
        public double TunnelMedian => Median(Tunnel);

        public double DirectMedian => Median(Direct);

        /// <summary>The target figure: median tunnel rate over median direct rate.</summary>
        public double Ratio => TunnelMedian / DirectMedian;
    }

    public static async Task<Result> MeasureAsync(Uri server, int serverProcessId, string ns, string pod, string podIp, CancellationToken token)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromMinutes(2) };
        var direct = new Uri($"http://{podIp}:8080/big");
        var info = new ProcessStartInfo("kubectl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--server", server.ToString(), "port-forward", $"pod/{pod}", "-n", ns, ":8080" })
        {
            info.ArgumentList.Add(arg);
        }

        using var forward = Process.Start(info)!;
        try
        {
            string? line;
            Match match;
            do
            {
                line = await forward.StandardOutput.ReadLineAsync(token) ?? throw new InvalidOperationException("kubectl port-forward stopped: " + await forward.StandardError.ReadToEndAsync(token));
                match = LocalPort().Match(line);
            }
            while (!match.Success);

            var tunnel = new Uri($"http://127.0.0.1:{match.Groups[1].Value}/big");
            // Warm-ups, then a quiet server: what the server compiles in the background (the tiered JIT recompiling what
            // the pod starts and these downloads ran) would otherwise take a core from the tunnel during the timed runs.
            await DownloadAsync(http, direct, token);
            var small = new Uri(tunnel, "small");
            for (var i = 0; i < ConnectionWarmUps; i++)
            {
                await DownloadAsync(http, small, token);
            }

            for (var i = 0; i < WarmUps; i++)
            {
                await DownloadAsync(http, tunnel, token);
            }

            var settled = await ProcessCpu.WaitIdleAsync(serverProcessId, 0.02, TimeSpan.FromSeconds(30), token);
            var (tunnelRates, directRates) = (new List<double>(), new List<double>());
            var (serverCpu, kubectlCpu) = (TimeSpan.Zero, TimeSpan.Zero);
            for (var i = 0; i < Samples; i++)
            {
                directRates.Add(await DownloadAsync(http, direct, token));
                var (serverBefore, kubectlBefore) = (ProcessCpu.Used(serverProcessId), ProcessCpu.Used(forward.Id));
                tunnelRates.Add(await DownloadAsync(http, tunnel, token));
                serverCpu += ProcessCpu.Used(serverProcessId) - serverBefore;
                kubectlCpu += ProcessCpu.Used(forward.Id) - kubectlBefore;
            }

            return new Result(tunnelRates, directRates, serverCpu.TotalMilliseconds / Samples, kubectlCpu.TotalMilliseconds / Samples, ProcessCpu.LoadAverage(), settled);
        }
        finally
        {
            forward.Kill(entireProcessTree: true);
        }
    }

    /// <summary>One download of the file, in MB/s.</summary>
    private static async Task<double> DownloadAsync(HttpClient http, Uri url, CancellationToken token)
    {
        var clock = Stopwatch.StartNew();
        await using var body = await http.GetStreamAsync(url, token);
        var bytes = 0L;
        var buffer = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(buffer, token)) > 0)
        {
            bytes += read;
        }

        return bytes / 1e6 / clock.Elapsed.TotalSeconds;
    }

    public static string Row(Result result) => string.Create(CultureInfo.InvariantCulture,
        $"""
        Port-forward throughput ({Megabytes} MiB file, {Samples} interleaved downloads each after the server settled for {result.Settled.TotalSeconds:F1} s, load {result.Load:F1}): tunnel median {result.TunnelMedian:F0} MB/s, direct median {result.DirectMedian:F0} MB/s, ratio of medians {result.Ratio:P0} (target >= 50%)
          best of each: tunnel {result.Tunnel.Max():F0} MB/s, direct {result.Direct.Max():F0} MB/s ({result.Tunnel.Max() / result.Direct.Max():P0}); all tunnel: {Rates(result.Tunnel)}; all direct: {Rates(result.Direct)}
          CPU per file through the tunnel: server {result.ServerCpuMs:F0} ms, kubectl {result.KubectlCpuMs:F0} ms
        """);

    private static string Rates(IReadOnlyList<double> rates) => string.Join(", ", rates.Select(r => r.ToString("F0", CultureInfo.InvariantCulture)));

    private static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    [GeneratedRegex(@"Forwarding from 127\.0\.0\.1:(\d+)")]
    private static partial Regex LocalPort();
}
