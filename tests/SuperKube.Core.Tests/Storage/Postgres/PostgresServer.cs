using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

[assembly: AssemblyFixture(typeof(SuperKube.Storage.Postgres.Tests.PostgresServer))]

namespace SuperKube.Storage.Postgres.Tests;

/// <summary>
/// A throwaway PostgreSQL for the test run, started from the machine's binaries (initdb + pg_ctl, found under
/// /usr/lib/postgresql/*/bin or $SUPERKUBE_POSTGRES_BIN) on a temp data directory, loopback only, on a free port.
/// As root the server runs as the postgres user (PostgreSQL refuses root). Without binaries the tests that need it
/// skip, unless SUPERKUBE_REQUIRE_POSTGRES=1 (CI), which makes them fail.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string ServiceUser = "postgres";
    private const string TestDatabase = "superkube_tests";

    private string? _unavailable;
    private string? _binDirectory;
    private DirectoryInfo? _root;
    private bool _asServiceUser;

    public int Port { get; private set; }

    private string DataDirectory => Path.Combine(_root!.FullName, "data");

    public async ValueTask InitializeAsync()
    {
        _binDirectory = FindBinaries();
        if (_binDirectory is null)
        {
            _unavailable = "PostgreSQL binaries (initdb, pg_ctl) not found under /usr/lib/postgresql/*/bin or $SUPERKUBE_POSTGRES_BIN.";
            return;
        }

        _root = Directory.CreateTempSubdirectory("superkube-pg-");
        _asServiceUser = Environment.UserName == "root";
        if (_asServiceUser)
        {
            await RunAsync("chown", ["-R", $"{ServiceUser}:", _root.FullName], asServiceUser: false);
        }

        await RunAsync(Tool("initdb"), ["-D", DataDirectory, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"], _asServiceUser);
        Exception? last = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            Port = FreePort();
            var settings = $"-p {Port} -k {_root.FullName} -c listen_addresses=127.0.0.1 -c max_connections=400 " +
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off";
            try
            {
                await RunAsync(
                    Tool("pg_ctl"), ["-D", DataDirectory, "-l", Path.Combine(_root.FullName, "server.log"), "-w", "-t", "60", "-o", settings, "start"],
                    _asServiceUser);
                await ExecuteAsync("postgres", $"CREATE DATABASE {TestDatabase};", CancellationToken.None);
                return;
            }
            catch (InvalidOperationException ex)
            {
                last = ex; // most likely the port was taken between probing and binding: try another
            }
        }

        throw new InvalidOperationException("PostgreSQL did not start.", last);
    }

    public async ValueTask DisposeAsync()
    {
        if (_root is null)
        {
            return;
        }

        try
        {
            await RunAsync(Tool("pg_ctl"), ["-D", DataDirectory, "-m", "immediate", "-w", "stop"], _asServiceUser);
        }
        catch (InvalidOperationException)
        {
            // Not running (start failed); nothing to stop.
        }

        _root.Delete(recursive: true);
    }

    /// <summary>Skips the calling test when PostgreSQL is unavailable, or fails it when CI requires PostgreSQL.</summary>
    public void Require()
    {
        if (_unavailable is null)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable("SUPERKUBE_REQUIRE_POSTGRES") == "1")
        {
            Assert.Fail(_unavailable + " SUPERKUBE_REQUIRE_POSTGRES=1 requires them.");
        }

        Assert.Skip(_unavailable);
    }

    /// <summary>
    /// Creates an empty schema in the shared test database and returns a connection string whose search path is that
    /// schema: each test gets a private, empty store (creating a database per test costs over a second).
    /// </summary>
    public async Task<string> CreateSchemaAsync(CancellationToken cancellationToken)
    {
        Require();
        var name = $"t{Guid.NewGuid():N}";
        await ExecuteAsync(TestDatabase, $"CREATE SCHEMA {name};", cancellationToken);
        return new NpgsqlConnectionStringBuilder(ConnectionString(TestDatabase)) { SearchPath = name }.ConnectionString;
    }

    /// <summary>
    /// Like <see cref="CreateSchemaAsync"/>, but the connection string logs in as a new role owning the schema, so that
    /// <see cref="SetReachableAsync"/> can cut those connections off (and let them back) without touching other tests.
    /// </summary>
    public async Task<string> CreateSchemaWithOwnRoleAsync(CancellationToken cancellationToken)
    {
        var connectionString = await CreateSchemaAsync(cancellationToken);
        var schema = new NpgsqlConnectionStringBuilder(connectionString).SearchPath;
        var role = "r" + schema;
        await ExecuteAsync(TestDatabase, $"CREATE ROLE {role} LOGIN; GRANT ALL ON SCHEMA {schema} TO {role};", cancellationToken);
        return new NpgsqlConnectionStringBuilder(connectionString) { Username = role }.ConnectionString;
    }

    /// <summary>
    /// Makes the database unreachable for the role of <paramref name="connectionString"/> (terminates its sessions and
    /// refuses new ones with "too many connections", as a restarting database refuses them), or reachable again.
    /// </summary>
    public Task SetReachableAsync(string connectionString, bool reachable, CancellationToken cancellationToken)
    {
        var role = new NpgsqlConnectionStringBuilder(connectionString).Username;
        return ExecuteAsync(
            TestDatabase,
            reachable
                ? $"ALTER ROLE {role} CONNECTION LIMIT -1;"
                : $"ALTER ROLE {role} CONNECTION LIMIT 0; SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{role}';",
            cancellationToken);
    }

    /// <summary>
    /// Restarts the whole PostgreSQL server (fast shutdown: sessions are cut, then it starts again on the same port).
    /// Every test using the server sees the outage; use it only where tests of this server run one at a time.
    /// </summary>
    public Task RestartAsync()
    {
        Require();

        // Require() passed, so InitializeAsync created _root.
        return RunAsync(
            Tool("pg_ctl"), ["-D", DataDirectory, "-l", Path.Combine(_root!.FullName, "server.log"), "-m", "fast", "-w", "-t", "60", "restart"], _asServiceUser);
    }

    /// <summary>Drops a schema made by <see cref="CreateSchemaAsync"/> with everything in it.</summary>
    public Task DropSchemaAsync(string connectionString, CancellationToken cancellationToken)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).SearchPath;
        return ExecuteAsync(TestDatabase, $"DROP SCHEMA IF EXISTS {name} CASCADE;", cancellationToken);
    }

    private string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database }.ConnectionString;

    private async Task ExecuteAsync(string database, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database) + ";Pooling=false");
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private string Tool(string name) => Path.Combine(_binDirectory!, name);

    private static string? FindBinaries()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("SUPERKUBE_POSTGRES_BIN") is { Length: > 0 } configured)
        {
            candidates.Add(configured);
        }
        else if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var version) ? version : 0)
                .Select(d => Path.Combine(d, "bin")));
        }

        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asServiceUser)
    {
        var start = new ProcessStartInfo(asServiceUser ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        if (asServiceUser)
        {
            foreach (var argument in (string[])["-u", ServiceUser, "--", program])
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
        }
    }
}
