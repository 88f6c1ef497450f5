using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SuperKube.Host;
using SuperKube.IntegrationTests.Infrastructure;
using SuperKube.Security.Pki;
using SuperKube.Storage.Postgres;
using SuperKube.Storage.Postgres.Tests;

namespace SuperKube.IntegrationTests.MultiServer;

/// <summary>
/// Several <c>superkube server</c> hosts (each with its own data directory, PKI, kubeconfig and embedded Fake node
/// <c>node-N</c>) sharing one schema of the throwaway PostgreSQL (through a role of their own, so a test can cut them
/// off the database), with short leases (3 s, renewed every 0.5 s) so
/// that hand-overs happen within a test. Server N holds leases as <c>server-N</c>.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(3);

    private readonly PostgresServer _postgres;
    private readonly string _connectionString;
    private readonly ServerHost?[] _hosts;
    private readonly string[] _dataDirs;

    private PostgresCluster(PostgresServer postgres, string connectionString, int count)
    {
        _postgres = postgres;
        _connectionString = connectionString;
        _hosts = new ServerHost?[count];
        _dataDirs = [.. Enumerable.Range(0, count).Select(_ => Path.Combine(Path.GetTempPath(), "superkube-pg-it-" + Guid.NewGuid().ToString("N")[..8]))];
        Kubectls = new Infrastructure.Kubectl[count];
    }

    /// <summary>A kubectl bound to server N's own kubeconfig.</summary>
    public Infrastructure.Kubectl[] Kubectls { get; }

    /// <summary>The connection string the servers use (their own role, the test's schema).</summary>
    public string ConnectionString => _connectionString;

    /// <summary>The port server N listens on.</summary>
    public int Port(int index) => Host(index).Url.Port;

    /// <summary>An HTTP client for server N that trusts its CA and sends its admin token.</summary>
    public HttpClient CreateHttpClient(int index)
    {
        var pki = Host(index).Services.GetRequiredService<ClusterPki>();
        return ClusterHttpClient.Create(Host(index).Url, pki.ClusterAuthority, pki.AdminToken);
    }

    public static async Task<PostgresCluster> StartAsync(PostgresServer postgres, int count, CancellationToken cancellationToken)
    {
        var cluster = new PostgresCluster(postgres, await postgres.CreateSchemaWithOwnRoleAsync(cancellationToken), count);
        try
        {
            // One after the other: the first server creates the schema and the bootstrap objects, the others join it.
            for (var i = 0; i < count; i++)
            {
                await cluster.StartServerAsync(i, cancellationToken);
            }
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    /// <summary>Cuts every server off the database (sessions terminated, logins refused), or lets them back.</summary>
    public Task SetDatabaseReachableAsync(bool reachable, CancellationToken cancellationToken) =>
        _postgres.SetReachableAsync(_connectionString, reachable, cancellationToken);

    /// <summary>Stops server N as a shutdown would (its leases are released, its record removed).</summary>
    public async Task StopServerAsync(int index)
    {
        if (_hosts[index] is { } host)
        {
            _hosts[index] = null;
            await host.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = 0; i < _hosts.Length; i++)
        {
            await StopServerAsync(i);
        }

        await _postgres.DropSchemaAsync(_connectionString, CancellationToken.None);
        foreach (var dir in _dataDirs)
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a file may still be open on shutdown.
            }
        }
    }

    private ServerHost Host(int index) => _hosts[index] ?? throw new InvalidOperationException($"server {index} is stopped");

    private async Task StartServerAsync(int index, CancellationToken cancellationToken)
    {
        var settings = new ServerSettings
        {
            DataDir = _dataDirs[index],
            Port = 0,
            Runtime = "fake",
            NodeName = $"node-{index}",
            DatabaseUrl = DatabaseUrl(_connectionString),
            ConfigureServices = services => services.Configure<PostgresLeaseOptions>(o =>
            {
                o.Identity = $"server-{index}";
                o.LeaseDuration = LeaseDuration;
                o.RenewInterval = TimeSpan.FromMilliseconds(500);
                o.RetryInterval = TimeSpan.FromMilliseconds(250);
            }),
        };
        var host = await ServerHost.StartAsync(settings, TextWriter.Null, cancellationToken);
        _hosts[index] = host;
        var cache = Path.Combine(settings.DataDir, "kubectl-cache");
        Directory.CreateDirectory(cache);
        Kubectls[index] = new Infrastructure.Kubectl(host.KubeconfigPath, cache);
    }

    /// <summary>The postgres:// URL `superkube server --db-url` takes, naming the test's schema through libpq's options.</summary>
    internal static string DatabaseUrl(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var options = Uri.EscapeDataString($"-c search_path={builder.SearchPath}");
        return $"postgres://{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}?options={options}";
    }
}
