using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SuperKube.Benchmarks.Infrastructure;

/// <summary>Runs the wrk HTTP load generator and reads its summary.</summary>
internal static partial class Wrk
{
    public const string InstallHint = "wrk is not installed: install it with `apt-get install -y wrk` (Debian/Ubuntu) and run again.";

    public static bool IsInstalled() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, "wrk")));

    /// <summary><c>wrk -tTHREADS -cCONNECTIONS -dSECONDSs [-H HEADER] [-s SCRIPT] URL</c>.</summary>
    public static async Task<WrkResult> RunAsync(
        Uri url, int threads, int connections, int seconds, CancellationToken cancellationToken, string? header = null, string? script = null)
    {
        var info = new ProcessStartInfo("wrk")
        {
            ArgumentList = { $"-t{threads}", $"-c{connections}", $"-d{seconds}s" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (header is not null)
        {
            info.ArgumentList.Add("-H");
            info.ArgumentList.Add(header);
        }

        if (script is not null)
        {
            info.ArgumentList.Add("-s");
            info.ArgumentList.Add(script);
        }

        info.ArgumentList.Add(url.ToString());
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start wrk");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var output = await stdout;
        if (process.ExitCode != 0 || RequestsPerSecond().Match(output) is not { Success: true } rate)
        {
            throw new InvalidOperationException($"wrk failed ({process.ExitCode}):\n{output}\n{await stderr}");
        }

        var errors = NonSuccess().Match(output) is { Success: true } non2xx ? long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        foreach (Match socket in SocketErrors().Matches(output))
        {
            errors += long.Parse(socket.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        var latency = Latency().Match(output) is { Success: true } l ? l.Groups[1].Value : "?";
        var requests = Requests().Match(output) is { Success: true } r ? long.Parse(r.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        return new WrkResult(double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture), errors, latency, requests);
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex Requests();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"(?:connect|read|write|timeout) (\d+)")]
    private static partial Regex SocketErrors();

    [GeneratedRegex(@"Latency\s+(\S+)")]
    private static partial Regex Latency();
}
