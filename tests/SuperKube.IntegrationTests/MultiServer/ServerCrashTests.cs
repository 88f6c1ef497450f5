using System.Diagnostics;
using SuperKube.IntegrationTests.Infrastructure;
using SuperKube.Storage.Postgres.Tests;

namespace SuperKube.IntegrationTests.MultiServer;

/// <summary>
/// Three real <c>superkube server</c> processes on one PostgreSQL with 3-second leases; the one holding the scheduler
/// lease is killed with SIGKILL. Mandatory under SUPERKUBE_REQUIRE_POSTGRES=1.
/// </summary>
public sealed class ServerCrashTests(PostgresServer postgres) : IAsyncLifetime
{
    private const int LeaseSeconds = 3;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly List<ServerProcess> _servers = [];
    private string? _connectionString;

    public async ValueTask InitializeAsync()
    {
        postgres.Require();
        _connectionString = await postgres.CreateSchemaWithOwnRoleAsync(TestContext.Current.CancellationToken);
        for (var i = 0; i < 3; i++)
        {
            _servers.Add(await ServerProcess.StartAsync(PostgresCluster.DatabaseUrl(_connectionString), $"node-{i}", LeaseSeconds));
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }

        if (_connectionString is not null)
        {
            await postgres.DropSchemaAsync(_connectionString, CancellationToken.None);
        }
    }

    [Fact]
    public async Task KillMinus9_SchedulerLeaseHolder_SurvivorTakesItWithinTheLeaseAndReconcilesNewWork()
    {
        var observer = _servers[0].Kubectl;
        var holder = await Poll.UntilAsync(async () => await HolderAsync(observer, "superkube-scheduler") is { Length: > 0 } h ? h : null,
            Deadline, () => "no scheduler lease holder");
        var victim = _servers.Single(s => s.Identity == holder);
        var survivors = _servers.Where(s => s != victim).ToList();

        victim.Kill();
        var clock = Stopwatch.StartNew();
        var successor = await Poll.UntilAsync(
            async () => await HolderAsync(survivors[0].Kubectl, "superkube-scheduler") is { Length: > 0 } h && h != holder ? h : null,
            Deadline, () => "the scheduler lease was not handed over");
        var handOver = clock.Elapsed;

        Assert.Contains(successor, survivors.Select(s => s.Identity));
        Assert.True(handOver < TimeSpan.FromSeconds(LeaseSeconds) + TimeSpan.FromSeconds(3), $"hand-over took {handOver}");
        var kubectl = survivors[0].Kubectl;
        (await kubectl.RunAsync("create", "deployment", "after-crash", "-n", "default", "--image=busybox", "--replicas=2")).EnsureSuccess();
        await Poll.UntilAsync(
            async () => (await kubectl.RunAsync("get", "pods", "-n", "default", "-l", "app=after-crash", "-o", "jsonpath={.items[*].spec.nodeName}"))
                .StdOut.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 2,
            Deadline, "the Deployment's pods were not created and scheduled after the crash");

        // The dead server's record expires with its lease: the kubernetes Endpoints drop it.
        await Poll.UntilAsync(
            async () => !(await kubectl.RunAsync("get", "endpoints", "kubernetes", "-n", "default", "-o", "jsonpath={.subsets[*].ports[*].port}"))
                .StdOut.Split(' ').Contains(victim.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Deadline, "the killed server stayed in the kubernetes Endpoints");
    }

    private static async Task<string> HolderAsync(Infrastructure.Kubectl kubectl, string lease) =>
        (await kubectl.RunAsync("get", "lease", lease, "-n", "kube-system", "-o", "jsonpath={.spec.holderIdentity}")).StdOut.Trim();
}
