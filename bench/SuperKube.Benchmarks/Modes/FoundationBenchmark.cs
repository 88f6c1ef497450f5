using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Text;
using SuperKube.Benchmarks.Infrastructure;

namespace SuperKube.Benchmarks.Modes;

/// <summary>
/// The foundation figures of the API server, in one run: start-to-ready, idle RSS, GET throughput against a bare
/// Kestrel endpoint serving the same bytes (wrk), and end-to-end creates per second. See docs/benchmarks.md.
/// </summary>
internal static class FoundationBenchmark
{
    private const string Namespace = "default";
    private const string GetName = "bench-get";
    private const int WarmupSeconds = 3;
    internal const int WrkThreads = 2;

    private const double ReadyTargetMs = 700;
    private const double IdleRssTargetMiB = 140;
    private const double GetRatioTarget = 0.5;
    private const double CreatesTarget = 10_000;

    public static async Task<int> RunAsync(string[] args)
    {
        if (FoundationOptions.ParseForWrk(args, "foundation", FoundationOptions.Help, out var options) is { } exitCode)
        {
            return exitCode;
        }

        // Every step is bounded; this is the backstop for the run as a whole.
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(20));
        var cancellationToken = cancellation.Token;
        var serverDll = options.Server ?? await HostBuild.PublishAsync(cancellationToken);
        using var probe = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(1), UseProxy = false })
        {
            Timeout = TimeSpan.FromSeconds(5),
        };

        Console.WriteLine(Machine());
        if (ProcessCpu.LoadAverage() is var load and > 0.5)
        {
            Console.WriteLine($"Warning: the load average is {load:F1}: other processes compete for the CPU and the figures will be low.");
        }

        var table = new SummaryTable();
        await using (var server = await MeasureStartsAsync(serverDll, probe, options, table, cancellationToken))
        {
            await Task.Delay(TimeSpan.FromSeconds(options.IdleSeconds), cancellationToken);
            var idle = ProcessMemory.RssMiB(server.ProcessId);
            Console.WriteLine($"Idle RSS after {options.IdleSeconds} s: {idle:F1} MiB");
            table.Add($"Idle RSS ({options.IdleSeconds} s after ready, VmRSS)", $"{idle:F1} MiB", $"<= {IdleRssTargetMiB} MiB", idle <= IdleRssTargetMiB);

            await MeasureGetsAsync(server, probe, options, table, cancellationToken);
            await MeasureCreatesAsync(server, options, table, cancellationToken);
        }

        return await table.ReportAsync(Machine(), options.Markdown, cancellationToken);
    }

    /// <summary>Starts the server <c>Runs</c> times on fresh data directories; returns the last one still running.</summary>
    private static async Task<SuperKubeServer> MeasureStartsAsync(
        string serverDll, HttpClient probe, FoundationOptions options, SummaryTable table, CancellationToken cancellationToken)
    {
        var measured = new List<double>();
        var reported = new List<double>();
        SuperKubeServer? server = null;
        for (var run = 1; run <= options.Runs; run++)
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }

            server = await SuperKubeServer.StartAsync(serverDll, probe, cancellationToken);
            measured.Add(server.StartToReady.TotalMilliseconds);
            if (server.ReportedReadyMilliseconds is { } ms)
            {
                reported.Add(ms);
            }

            Console.WriteLine($"Start {run}/{options.Runs}: /readyz 200 after {server.StartToReady.TotalMilliseconds:F0} ms (server says \"Ready in {server.ReportedReadyMilliseconds} ms\")");
        }

        var median = Median(measured);
        var said = reported.Count > 0 ? $"; server's own \"Ready in\": {Median(reported):F0} ms" : "";
        table.Add($"Start-to-ready (process start to first /readyz 200, median of {options.Runs})", $"{median:F0} ms{said}", $"<= {ReadyTargetMs} ms", median <= ReadyTargetMs);
        return server!;
    }

    /// <summary>Creates the object the GET runs fetch and returns its exact response bytes and content type.</summary>
    private static async Task<(byte[] Body, string ContentType)> CreateGetTargetAsync(
        HttpClient client, Uri server, Uri objectUrl, CancellationToken cancellationToken)
    {
        var json = $"{{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{{\"name\":\"{GetName}\",\"labels\":{{\"app\":\"bench\"}}}}," +
                   "\"data\":{\"greeting\":\"hello\",\"config.yaml\":\"replicas: 3\\nimage: nginx:1.27\\n\"}}";
        using var content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        using var created = await client.PostAsync(new Uri(server, $"api/v1/namespaces/{Namespace}/configmaps"), content, cancellationToken);
        created.EnsureSuccessStatusCode();
        using var response = await client.GetAsync(objectUrl, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsByteArrayAsync(cancellationToken), response.Content.Headers.ContentType?.ToString() ?? "application/json");
    }

    /// <summary>A wrk warm-up run, then the measured run; <paramref name="header"/> is sent with every request (such as an Authorization header).</summary>
    internal static async Task<WrkResult> MeasureGetAsync(string label, Uri url, FoundationOptions options, CancellationToken cancellationToken, string? header = null)
    {
        await Wrk.RunAsync(url, WrkThreads, options.Connections, WarmupSeconds, cancellationToken, header);
        var result = await Wrk.RunAsync(url, WrkThreads, options.Connections, options.DurationSeconds, cancellationToken, header);
        Console.WriteLine($"GET {label}: {Rate(result)} (mean latency {result.MeanLatency})");
        if (result.Errors > 0)
        {
            throw new InvalidOperationException($"GET {label}: {result.Errors} requests failed");
        }

        return result;
    }

    /// <summary>
    /// GET of one object from superkube, then the same bytes from a bare Kestrel process, back to back so both runs
    /// see the same conditions.
    /// </summary>
    private static async Task MeasureGetsAsync(
        SuperKubeServer server, HttpClient probe, FoundationOptions options, SummaryTable table, CancellationToken cancellationToken)
    {
        var path = $"/api/v1/namespaces/{Namespace}/configmaps/{GetName}";
        var objectUrl = new Uri(server.Url, path);
        var (body, contentType) = await CreateGetTargetAsync(probe, server.Url, objectUrl, cancellationToken);
        var bodyFile = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(bodyFile, body, cancellationToken);
            var port = FreePort.Next();
            var self = Path.Combine(AppContext.BaseDirectory, "SuperKube.Benchmarks.dll");
            await using var bare = ChildProcess.Start(
                "dotnet", self, BareKestrelServer.ModeName, "--port", port.ToString(CultureInfo.InvariantCulture), "--path", path,
                "--body", bodyFile, "--content-type", contentType);
            var bareUrl = new Uri($"http://127.0.0.1:{port}{path}");
            await bare.WaitForOkAsync(probe, bareUrl, TimeSpan.FromSeconds(30), cancellationToken);

            var superKube = await MeasureGetAsync("superkube", objectUrl, options, cancellationToken);
            var baseline = await MeasureGetAsync("bare Kestrel", bareUrl, options, cancellationToken);
            var ratio = superKube.RequestsPerSecond / baseline.RequestsPerSecond;
            table.Add($"GET one ConfigMap ({body.Length} bytes), superkube (wrk -t{WrkThreads} -c{options.Connections} -d{options.DurationSeconds}s)", Rate(superKube));
            table.Add("GET same bytes, bare Kestrel endpoint (same wrk)", Rate(baseline));
            table.Add("GET ratio superkube / bare Kestrel", $"{ratio:P0}", $">= {GetRatioTarget:P0}", ratio >= GetRatioTarget);
        }
        finally
        {
            File.Delete(bodyFile);
        }
    }

    /// <summary>A warm-up run (a fifth of the count, so the JIT has tiered up the create path), then the measured run.</summary>
    private static async Task MeasureCreatesAsync(SuperKubeServer server, FoundationOptions options, SummaryTable table, CancellationToken cancellationToken)
    {
        var warmup = Math.Max(1, options.Creates / 5);
        Console.WriteLine($"Warm-up: creating {warmup:N0} ConfigMaps ...");
        var warm = await CreateLoad.RunAsync(server.Url, Namespace, "warmup", warmup, options.Connections, cancellationToken);
        Console.WriteLine($"  {warm.PerSecond:N0} creates/s while warming up");

        Console.WriteLine($"Creating {options.Creates:N0} ConfigMaps over {options.Connections} connections ...");
        var cpuBefore = ProcessCpu.Used(server.ProcessId);
        var creates = await CreateLoad.RunAsync(server.Url, Namespace, "bench", options.Creates, options.Connections, cancellationToken);
        var cpuPerCreate = (ProcessCpu.Used(server.ProcessId) - cpuBefore).TotalMicroseconds / options.Creates;
        var failed = creates.FirstFailure is null ? "" : $", first failure: {creates.FirstFailure}";
        Console.WriteLine($"  {creates.PerSecond:N0} creates/s ({creates.Elapsed.TotalSeconds:F2} s, {creates.Failures} failed{failed}), server CPU {cpuPerCreate:F0} us per create");
        table.Add(
            $"Creates/s end to end ({options.Creates:N0} ConfigMaps, {options.Connections} connections)",
            $"{creates.PerSecond:N0}/s{(creates.Failures > 0 ? $" ({creates.Failures} failed)" : "")}",
            $">= {CreatesTarget:N0}/s",
            creates.PerSecond >= CreatesTarget && creates.Failures == 0);
        table.Add("Server CPU per create (user + system)", $"{cpuPerCreate:F0} us");
        table.Add($"RSS after the create runs ({options.Creates + warmup:N0} objects cached)", $"{ProcessMemory.RssMiB(server.ProcessId):F1} MiB");
    }

    internal static string Rate(WrkResult result) => $"{result.RequestsPerSecond:N0} req/s";

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    internal static string Machine() =>
        $"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, " +
        $"{DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, load average {ProcessCpu.LoadAverage():F1}";
}
