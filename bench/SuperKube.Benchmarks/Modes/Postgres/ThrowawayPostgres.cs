using System.Diagnostics;
using SuperKube.Benchmarks.Infrastructure;

namespace SuperKube.Benchmarks.Modes.Postgres;

/// <summary>
/// A PostgreSQL for one benchmark run from the machine's binaries (/usr/lib/postgresql/*/bin): initdb on a temporary
/// directory, listening on 127.0.0.1 at a free port with trust authentication, settings as in the tests (no fsync).
/// As root it runs as the postgres user (PostgreSQL refuses root). Stopped and deleted on dispose.
/// </summary>
internal sealed class ThrowawayPostgres : IAsyncDisposable
{
    private const string ServiceUser = "postgres";
    public const string Database = "superkube_bench";

    private readonly string _bin;
    private readonly DirectoryInfo _root;
    private readonly bool _asServiceUser = Environment.UserName == "root";

    private ThrowawayPostgres(string bin, DirectoryInfo root)
    {
        _bin = bin;
        _root = root;
    }

    public int Port { get; private set; }

    /// <summary>The URL <c>superkube server --db-url</c> takes.</summary>
    public string Url => $"postgres://{ServiceUser}@127.0.0.1:{Port}/{Database}";

    private string DataDirectory => Path.Combine(_root.FullName, "data");

    public static string? FindBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var version) ? version : 0)
                .Select(d => Path.Combine(d, "bin"))
                .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pgbench")))
            : null;

    /// <summary>
    /// CPU time (user + system) the postmaster and its live children (backends, background workers) have used. A
    /// backend that exited meanwhile is not counted; the servers' pooled connections live through a run.
    /// </summary>
    public TimeSpan CpuUsed()
    {
        var postmaster = int.Parse(File.ReadLines(Path.Combine(DataDirectory, "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture);
        var total = ProcessCpu.Used(postmaster);
        foreach (var child in ProcessCpu.Children(postmaster))
        {
            total += ProcessCpu.UsedOrZero(child);
        }

        return total;
    }

    public static async Task<ThrowawayPostgres> StartAsync(string bin, int maxConnections, bool durable = false, bool statements = false)
    {
        var postgres = new ThrowawayPostgres(bin, Directory.CreateTempSubdirectory("superkube-bench-pg-"));
        if (postgres._asServiceUser)
        {
            await RunAsync("chown", ["-R", $"{ServiceUser}:", postgres._root.FullName]);
        }

        await postgres.ToolAsync("initdb", "-D", postgres.DataDirectory, "-A", "trust", "-U", ServiceUser, "-E", "UTF8", "--no-sync");
        postgres.Port = FreePort.Next();
        var settings = $"-p {postgres.Port} -k {postgres._root.FullName} -c listen_addresses=127.0.0.1 -c max_connections={maxConnections}" +
                       (durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off") +
                       (statements ? " -c shared_preload_libraries=pg_stat_statements" : "");
        await postgres.ToolAsync("pg_ctl", "-D", postgres.DataDirectory, "-l", Path.Combine(postgres._root.FullName, "server.log"), "-w", "-t", "60", "-o", settings, "start");
        await postgres.SqlAsync("postgres", $"CREATE DATABASE {Database};");
        if (statements)
        {
            await postgres.SqlAsync(Database, "CREATE EXTENSION pg_stat_statements;");
        }

        return postgres;
    }

    /// <summary>Runs SQL through psql against <paramref name="database"/>.</summary>
    public Task<string> SqlAsync(string database, string sql) => ToolAsync("psql", "-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", ServiceUser, "-d", database, "-v", "ON_ERROR_STOP=1", "-c", sql);

    /// <summary>Runs one of the PostgreSQL programs (as the postgres user when root) and returns its output.</summary>
    public Task<string> ToolAsync(string name, params string[] arguments) =>
        _asServiceUser
            ? RunAsync("runuser", ["-u", ServiceUser, "--", Path.Combine(_bin, name), .. arguments])
            : RunAsync(Path.Combine(_bin, name), arguments);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await ToolAsync("pg_ctl", "-D", DataDirectory, "-m", "immediate", "-w", "stop");
        }
        finally
        {
            _root.Delete(recursive: true);
        }
    }

    private static async Task<string> RunAsync(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = "/" };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
    }
}
