using System.Globalization;
using SuperKube.Benchmarks.Infrastructure;

namespace SuperKube.Benchmarks.Modes.Postgres;

/// <summary>
/// PostgreSQL figures in one run on one throwaway database: <c>pgbench</c> inserts/s at N clients, end-to-end
/// ConfigMap creates/s through a <c>superkube server --db-url</c> at the same N (and their ratio), and the
/// cross-server watch delay between two servers on the database. See docs/benchmarks.md.
/// </summary>
internal static class PostgresMode
{
    public const string Help = "[--clients N (16)] [--seconds S pgbench duration (10)] [--creates N (10000)] [--warmup N creates before the measured run (creates / 5)] [--samples N watch delays (300)] [--server superkube.dll] [--durable (PostgreSQL's default fsync and synchronous_commit; default: both off, as in the tests)]";
    private const double RatioTarget = 0.4;
    private const double WatchP99TargetMs = 100;

    public static async Task<int> RunAsync(string[] args)
    {
        int clients = 16, seconds = 10, creates = 10_000, samples = 300;
        int? warmup = null;
        string? serverDll = null;
        var durable = args.Contains("--durable");
        args = [.. args.Where(a => a != "--durable")];
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--clients": clients = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--seconds": seconds = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--creates": creates = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--warmup": warmup = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--samples": samples = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--server": serverDll = args[i + 1]; break;
                default:
                    Console.Error.WriteLine($"postgres: unknown option {args[i]}\noptions: {Help}");
                    return 2;
            }
        }

        if (ThrowawayPostgres.FindBinaries() is not { } bin)
        {
            Console.Error.WriteLine("postgres: PostgreSQL binaries (initdb, pg_ctl, pgbench) not found under /usr/lib/postgresql/*/bin.");
            return 3;
        }

        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(20));
        var ct = cancellation.Token;
        serverDll ??= await HostBuild.PublishAsync(ct);
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        Console.WriteLine(FoundationBenchmark.Machine());
        var table = new SummaryTable();

        await using var postgres = await ThrowawayPostgres.StartAsync(bin, maxConnections: 400, durable);
        Console.WriteLine($"PostgreSQL on 127.0.0.1:{postgres.Port} ({(durable ? "fsync and synchronous_commit on" : "fsync and synchronous_commit off")}); pgbench inserts, {clients} clients, {seconds} s ...");
        var inserts = await PgBenchInserts.RunAsync(postgres, clients, seconds);
        Console.WriteLine($"  {inserts:N0} inserts/s");
        table.Add($"pgbench inserts/s ({clients} clients, -j 2, {seconds} s, one ~300-byte row per transaction)", $"{inserts:N0}/s");

        string[] database = ["--db-url", postgres.Url];
        await using var writer = await SuperKubeServer.StartAsync(serverDll, probe, ct, extraArguments: database);
        await using var watched = await SuperKubeServer.StartAsync(serverDll, probe, ct, extraArguments: database);
        await CreateLoad.RunAsync(writer.Url, "default", "warmup", warmup ?? Math.Max(creates / 5, 500), clients, ct); // long enough for the JIT to tier the path up
        Console.WriteLine($"Creating {creates:N0} ConfigMaps over {clients} connections ...");
        var transactionsBefore = await WriteTransactionsAsync(postgres);
        var (writerCpu, watchedCpu) = (ProcessCpu.Used(writer.ProcessId), ProcessCpu.Used(watched.ProcessId));
        var (writerSwitches, watchedSwitches) = (ProcessCpu.ContextSwitches(writer.ProcessId), ProcessCpu.ContextSwitches(watched.ProcessId));
        var result = await CreateLoad.RunAsync(writer.Url, "default", "bench", creates, clients, ct);
        var writerCpuPerCreate = (ProcessCpu.Used(writer.ProcessId) - writerCpu).TotalMicroseconds / creates;
        var watchedCpuPerCreate = (ProcessCpu.Used(watched.ProcessId) - watchedCpu).TotalMicroseconds / creates;
        var writerSwitchesPerCreate = (ProcessCpu.ContextSwitches(writer.ProcessId) - writerSwitches) / (double)creates;
        var watchedSwitchesPerCreate = (ProcessCpu.ContextSwitches(watched.ProcessId) - watchedSwitches) / (double)creates;
        var writesPerTransaction = creates / (double)(await WriteTransactionsAsync(postgres) - transactionsBefore - 1);
        var ratio = result.PerSecond / inserts;
        Console.WriteLine($"  {result.PerSecond:N0} creates/s ({result.Failures} failed{(result.FirstFailure is { } f ? ", first: " + f : "")}), {ratio:P0} of pgbench");
        Console.WriteLine($"  server CPU per create: {writerCpuPerCreate:F0} µs (serving), {watchedCpuPerCreate:F0} µs (the other server, tailing); {writesPerTransaction:F1} creates per write transaction");
        Console.WriteLine($"  context switches per create: {writerSwitchesPerCreate:F1} (serving), {watchedSwitchesPerCreate:F1} (the other server)");
        table.Add($"Creates/s end to end ({creates:N0} ConfigMaps, {clients} connections)", $"{result.PerSecond:N0}/s{(result.Failures > 0 ? $" ({result.Failures} failed)" : "")}");
        table.Add("Creates/s as a share of pgbench inserts/s", $"{ratio:P0}", $">= {RatioTarget:P0}", ratio >= RatioTarget && result.Failures == 0);
        table.Add("Server CPU per create (serving server / other server, user + system)", $"{writerCpuPerCreate:F0} / {watchedCpuPerCreate:F0} µs");
        table.Add("Context switches per create (serving server / other server, live threads)", $"{writerSwitchesPerCreate:F1} / {watchedSwitchesPerCreate:F1}");
        table.Add("Creates per write transaction (the writer's average batch)", $"{writesPerTransaction:F1}");

        Console.WriteLine($"Cross-server watch delay, {samples} sequential creates ...");
        var delays = await CrossServerWatchDelay.MeasureAsync(writer.Url, watched.Url, samples, ct);
        var (p50, p99) = (Workers.Percentile(delays, 0.5), Workers.Percentile(delays, 0.99));
        Console.WriteLine($"  p50 {p50:F1} ms, p99 {p99:F1} ms, max {delays[^1]:F1} ms");
        table.Add($"Cross-server watch delay p50 (POST on one server to ADDED on the other, {samples} samples)", $"{p50:F1} ms");
        table.Add("Cross-server watch delay p99", $"{p99:F1} ms", $"<= {WatchP99TargetMs} ms", p99 <= WatchP99TargetMs);

        Console.WriteLine();
        Console.WriteLine(table.ToText());
        Console.WriteLine($"load average {ProcessCpu.LoadAverage():F1}");
        return table.AllMet ? 0 : 1;
    }

    /// <summary>
    /// PostgreSQL's transaction id counter: every write transaction (and this call) takes one id, read-only ones none, so
    /// the difference over a run counts the server's write transactions (its group-commit batches).
    /// </summary>
    private static async Task<long> WriteTransactionsAsync(ThrowawayPostgres postgres)
    {
        var output = await postgres.SqlAsync(ThrowawayPostgres.Database, "SELECT txid_current();");
        return output.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && l.All(char.IsAsciiDigit)).Select(l => long.Parse(l, CultureInfo.InvariantCulture)).First();
    }
}
