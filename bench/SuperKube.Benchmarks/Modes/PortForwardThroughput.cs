using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SuperKube.Benchmarks.Modes;

/// <summary>
/// Port-forward throughput on the Docker runtime: the same file downloaded from a pod's busybox httpd through
/// <c>kubectl port-forward</c> (SPDY over WebSocket through the API server) and straight from the pod's address,
/// in one run; the ratio is the tunnel's share of a direct loopback-bridge copy. Also the CPU time the server and kubectl
/// spend per file through the tunnel, which a loaded machine disturbs far less than it does the throughputs.
/// </summary>
internal static partial class PortForwardThroughput
{
    public const int Megabytes = 64;

    private const int Downloads = 3;

    /// <summary>The pod's command: writes the file, then serves it on port 8080.</summary>
    public const string Command = """["sh","-c","mkdir -p /www && dd if=/dev/zero of=/www/big bs=1048576 count=64 2>/dev/null && exec httpd -f -p 8080 -h /www"]""";

    /// <summary>The figures of one measurement; CPU times are milliseconds per file, averaged over the tunnel's downloads.</summary>
    public sealed record Result(double TunnelMBps, double DirectMBps, double ServerCpuMs, double KubectlCpuMs);

    public static async Task<Result> MeasureAsync(Uri server, int serverProcessId, string ns, string pod, string podIp, CancellationToken token)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromMinutes(2) };
        var direct = await DownloadAsync(http, new Uri($"http://{podIp}:8080/big"), token);
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

            using var serverProcess = Process.GetProcessById(serverProcessId);
            var serverBefore = serverProcess.TotalProcessorTime;
            var kubectlBefore = forward.TotalProcessorTime;
            var tunnel = await DownloadAsync(http, new Uri($"http://127.0.0.1:{match.Groups[1].Value}/big"), token);
            serverProcess.Refresh();
            forward.Refresh();
            return new Result(tunnel, direct, PerDownload(serverProcess.TotalProcessorTime - serverBefore), PerDownload(forward.TotalProcessorTime - kubectlBefore));
        }
        finally
        {
            forward.Kill(entireProcessTree: true);
        }
    }

    /// <summary>Best of <see cref="Downloads"/> downloads, in MB/s.</summary>
    private static async Task<double> DownloadAsync(HttpClient http, Uri url, CancellationToken token)
    {
        var best = 0.0;
        for (var i = 0; i < Downloads; i++)
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

            best = Math.Max(best, bytes / 1e6 / clock.Elapsed.TotalSeconds);
        }

        return best;
    }

    public static string Row(Result result) => string.Create(CultureInfo.InvariantCulture,
        $"Port-forward throughput ({Megabytes} MiB file): tunnel {result.TunnelMBps:F0} MB/s, direct {result.DirectMBps:F0} MB/s, ratio {result.TunnelMBps / result.DirectMBps:P0} (target >= 50%); CPU per file through the tunnel: server {result.ServerCpuMs:F0} ms, kubectl {result.KubectlCpuMs:F0} ms");

    private static double PerDownload(TimeSpan cpu) => cpu.TotalMilliseconds / Downloads;

    [GeneratedRegex(@"Forwarding from 127\.0\.0\.1:(\d+)")]
    private static partial Regex LocalPort();
}
