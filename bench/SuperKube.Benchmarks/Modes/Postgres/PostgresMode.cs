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
    public const string Help = "[--clients N (16)] [--seconds S pgbench and measured create run (10)] [--warmup-rounds N of 5 s of creates before the measured run (6)] [--samples N watch delays (300)] [--server superkube.dll] [--durable (PostgreSQL's default fsync and synchronous_commit; default: both off, as in the tests)] [--statements (print the statements PostgreSQL spent the create run's time on, from pg_stat_statements)]";
    private const int WarmupRoundSeconds = 5;
    private const double RatioTarget = 0.4;
    private const double WatchP99TargetMs = 100;

    public static async Task<int> RunAsync(string[] args)
    {
        int clients = 16, seconds = 10, warmupRounds = 6, samples = 300;
        string? serverDll = null;
        var durable = args.Contains("--durable");
        var statements = args.Contains("--statements");
        args = [.. args.Where(a => a is not "--durable" and not "--statements")];
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--clients": clients = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--seconds": seconds = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--warmup-rounds": warmupRounds = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
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

        if (!Wrk.IsInstalled())
        {
            Console.Error.WriteLine($"postgres: {Wrk.InstallHint}");
            return 3;
        }

        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(20));
        var ct = cancellation.Token;
        serverDll ??= await HostBuild.PublishAsync(ct);
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        Console.WriteLine(FoundationBenchmark.Machine());
        var table = new SummaryTable();

        await using var postgres = await ThrowawayPostgres.StartAsync(bin, maxConnections: 400, durable, statements);
        Console.WriteLine($"PostgreSQL on 127.0.0.1:{postgres.Port} ({(durable ? "fsync and synchronous_commit on" : "fsync and synchronous_commit off")}); pgbench inserts, {clients} clients, {seconds} s ...");
        var inserts = await PgBenchInserts.RunAsync(postgres, clients, seconds);
        Console.WriteLine($"  {inserts:N0} inserts/s");
        table.Add($"pgbench inserts/s ({clients} clients, -j 2, {seconds} s, one ~300-byte row per transaction)", $"{inserts:N0}/s");

        string[] database = ["--db-url", postgres.Url];
        await using var writer = await SuperKubeServer.StartAsync(serverDll, probe, ct, extraArguments: database);
        await using var watched = await SuperKubeServer.StartAsync(serverDll, probe, ct, extraArguments: database);
        await WaitForLeasesSpreadAsync(postgres, ct);
        await WarmUpAsync(writer, clients, warmupRounds, ct);
        Console.WriteLine($"Creating ConfigMaps over {clients} connections for {seconds} s (wrk -t2 -c{clients}) ...");
        var transactionsBefore = await WriteTransactionsAsync(postgres);
        if (statements)
        {
            await postgres.SqlAsync(ThrowawayPostgres.Database, "SELECT pg_stat_statements_reset();");
        }

        var databaseCpu = postgres.CpuUsed();
        var (writerCpu, watchedCpu) = (ProcessCpu.Used(writer.ProcessId), ProcessCpu.Used(watched.ProcessId));
        var (writerSwitches, watchedSwitches) = (ProcessCpu.ContextSwitches(writer.ProcessId), ProcessCpu.ContextSwitches(watched.ProcessId));
        var writerFaults = ProcessCpu.MinorFaults(writer.ProcessId);
        var (result, generatorCpu) = await WrkCreateLoad.RunAsync(writer.Url, "default", "bench", clients, seconds, ct);
        var creates = Math.Max(result.Requests, 1);
        var writerCpuPerCreate = (ProcessCpu.Used(writer.ProcessId) - writerCpu).TotalMicroseconds / creates;
        var watchedCpuPerCreate = (ProcessCpu.Used(watched.ProcessId) - watchedCpu).TotalMicroseconds / creates;
        var databaseCpuPerCreate = (postgres.CpuUsed() - databaseCpu).TotalMicroseconds / creates;
        var clientCpuPerCreate = generatorCpu.TotalMicroseconds / creates;
        var writerSwitchesPerCreate = (ProcessCpu.ContextSwitches(writer.ProcessId) - writerSwitches) / (double)creates;
        var watchedSwitchesPerCreate = (ProcessCpu.ContextSwitches(watched.ProcessId) - watchedSwitches) / (double)creates;
        var writerFaultsPerCreate = (ProcessCpu.MinorFaults(writer.ProcessId) - writerFaults) / (double)creates;
        var writesPerTransaction = creates / (double)(await WriteTransactionsAsync(postgres) - transactionsBefore - 1);
        var ratio = result.RequestsPerSecond / inserts;
        Console.WriteLine($"  {result.RequestsPerSecond:N0} creates/s ({creates:N0} in {seconds} s, {result.Errors} failed), {ratio:P0} of pgbench");
        Console.WriteLine($"  server CPU per create: {writerCpuPerCreate:F0} µs (serving), {watchedCpuPerCreate:F0} µs (the other server, tailing); {writesPerTransaction:F1} creates per write transaction");
        Console.WriteLine($"  context switches per create: {writerSwitchesPerCreate:F1} (serving), {watchedSwitchesPerCreate:F1} (the other server); serving server's page faults per create: {writerFaultsPerCreate:F2}");
        Console.WriteLine($"  PostgreSQL CPU per create: {databaseCpuPerCreate:F0} µs; the load generator's (wrk): {clientCpuPerCreate:F0} µs");
        if (statements)
        {
            Console.WriteLine(await postgres.SqlAsync(ThrowawayPostgres.Database,
                "SELECT calls, round(total_exec_time::numeric, 1) AS total_ms, round(mean_exec_time::numeric * 1000, 1) AS mean_us, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 90) AS query " +
                "FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 15;"));
        }
        table.Add($"Creates/s end to end ({creates:N0} ConfigMaps in {seconds} s, wrk -t2 -c{clients})", $"{result.RequestsPerSecond:N0}/s{(result.Errors > 0 ? $" ({result.Errors} failed)" : "")}");
        table.Add("Creates/s as a share of pgbench inserts/s", $"{ratio:P0}", $">= {RatioTarget:P0}", ratio >= RatioTarget && result.Errors == 0);
        table.Add("Server CPU per create (serving server / other server, user + system)", $"{writerCpuPerCreate:F0} / {watchedCpuPerCreate:F0} µs");
        table.Add("Context switches per create (serving server / other server, live threads)", $"{writerSwitchesPerCreate:F1} / {watchedSwitchesPerCreate:F1}");
        table.Add("PostgreSQL / load generator (wrk) CPU per create", $"{databaseCpuPerCreate:F0} / {clientCpuPerCreate:F0} µs");
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
    /// Waits until the servers share the controllers' and scheduler's leases fairly (none holds more than its share).
    /// The first server takes them all; the second gets them one renewal at a time, and every controller that moves
    /// starts by listing its resources, which during a measured run would be counted as create cost.
    /// </summary>
    private static async Task WaitForLeasesSpreadAsync(ThrowawayPostgres postgres, CancellationToken cancellationToken)
    {
        const string Spread = """
            SELECT 'spread ' || coalesce(max(held), 0) || ' ' || (SELECT ceil(count(*)::numeric / greatest(1, (SELECT count(*) FROM servers WHERE expire_time > now()))) FROM leases)
            FROM (SELECT count(*) AS held FROM leases WHERE expire_time > now() GROUP BY holder) AS h;
            """;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Console.WriteLine("Waiting for the two servers to share the leases ...");
        while (clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            var line = (await postgres.SqlAsync(ThrowawayPostgres.Database, Spread)).Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("spread ", StringComparison.Ordinal));
            var figures = line.Split(' ');
            if (long.Parse(figures[1], CultureInfo.InvariantCulture) <= long.Parse(figures[2], CultureInfo.InvariantCulture))
            {
                Console.WriteLine($"  spread after {clock.Elapsed.TotalSeconds:F0} s (at most {figures[1]} per server)");
                return;
            }

            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        }

        Console.WriteLine("  not spread after 3 minutes; measuring anyway");
    }

    /// <summary>
    /// Rounds of creates before the measured run, each printed with the serving server's CPU per create: a fresh
    /// server's JIT keeps tiering the create path up for tens of seconds under load (the figure falls round by round
    /// until it settles), and the target is the rate of a server that has been running for a while.
    /// </summary>
    private static async Task WarmUpAsync(SuperKubeServer writer, int clients, int rounds, CancellationToken cancellationToken)
    {
        for (var round = 1; round <= rounds; round++)
        {
            var cpu = ProcessCpu.Used(writer.ProcessId);
            var (result, _) = await WrkCreateLoad.RunAsync(writer.Url, "default", $"warmup{round}", clients, WarmupRoundSeconds, cancellationToken);
            var perCreate = (ProcessCpu.Used(writer.ProcessId) - cpu).TotalMicroseconds / Math.Max(result.Requests, 1);
            Console.WriteLine($"  warm-up {round}/{rounds}: {result.RequestsPerSecond:N0} creates/s, serving server {perCreate:F0} µs CPU per create{(result.Errors > 0 ? $", {result.Errors} failed" : "")}");
        }
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
