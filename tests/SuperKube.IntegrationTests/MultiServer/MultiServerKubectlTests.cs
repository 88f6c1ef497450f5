using SuperKube.IntegrationTests.Infrastructure;
using SuperKube.Storage.Postgres.Tests;

namespace SuperKube.IntegrationTests.MultiServer;

/// <summary>
/// Two servers on one PostgreSQL database, driven by stock kubectl through each server's own kubeconfig: both serve
/// one cluster, and the controller and scheduler leases are held once, spread over the servers and handed over when
/// a server stops. Mandatory under SUPERKUBE_REQUIRE_POSTGRES=1.
/// </summary>
public sealed class MultiServerKubectlTests(PostgresServer postgres) : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private PostgresCluster? _cluster;

    private PostgresCluster Cluster => _cluster ?? throw new InvalidOperationException("not started");

    public async ValueTask InitializeAsync()
    {
        postgres.Require();
        _cluster = await PostgresCluster.StartAsync(postgres, 2, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task Create_ThroughOneServer_ReadAndWatchedThroughTheOther()
    {
        var (first, second) = (Cluster.Kubectls[0], Cluster.Kubectls[1]);
        using var watch = second.Start(["get", "configmaps", "-n", "default", "-w", "--output-watch-events"]);
        var lines = new LineReader(watch.StandardOutput);
        try
        {
            (await first.RunAsync("create", "configmap", "shared", "-n", "default", "--from-literal=k=v1")).EnsureSuccess();
            await lines.WaitForAsync(l => l.Contains("ADDED", StringComparison.Ordinal) && l.Contains("shared", StringComparison.Ordinal), Deadline);

            var read = (await second.RunAsync("get", "configmap", "shared", "-n", "default", "-o", "jsonpath={.data.k}")).EnsureSuccess();
            Assert.Equal("v1", read.StdOut);

            (await first.RunAsync("patch", "configmap", "shared", "-n", "default", "--type=merge", "-p", "{\"data\":{\"k\":\"v2\"}}")).EnsureSuccess();
            await lines.WaitForAsync(l => l.Contains("MODIFIED", StringComparison.Ordinal) && l.Contains("shared", StringComparison.Ordinal), Deadline);
        }
        finally
        {
            watch.Kill();
        }
    }

    [Fact]
    public async Task Create_SameNameThroughBothServersAtOnce_OneObjectAndOneAlreadyExists()
    {
        var attempts = await Task.WhenAll(Cluster.Kubectls.Select(k => k.RunAsync("create", "configmap", "race", "-n", "default", "--from-literal=k=v")));

        Assert.Single(attempts, a => a.ExitCode == 0);
        var failed = Assert.Single(attempts, a => a.ExitCode != 0);
        Assert.Contains("configmaps \"race\" already exists", failed.StdErr, StringComparison.Ordinal);
        var names = (await Cluster.Kubectls[1].RunAsync("get", "configmaps", "-n", "default", "-o", "name")).EnsureSuccess().StdOut;
        Assert.Single(names.Split('\n'), n => n == "configmap/race");
    }

    [Fact]
    public async Task Deployment_CreatedThroughOneServer_AvailableWithPodsOnTheNodesOfBothServers()
    {
        const string deployment = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: spread, namespace: default}
            spec:
              replicas: 2
              selector: {matchLabels: {app: spread}}
              template:
                metadata: {labels: {app: spread}}
                spec:
                  affinity:
                    podAntiAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                      - labelSelector: {matchLabels: {app: spread}}
                        topologyKey: kubernetes.io/hostname
                  containers:
                  - {name: main, image: busybox}
            """;
        var (first, second) = (Cluster.Kubectls[0], Cluster.Kubectls[1]);
        (await first.RunAsync(["apply", "-f", "-"], deployment, Infrastructure.Kubectl.DefaultTimeout)).EnsureSuccess();

        (await second.RunAsync("wait", "--for=condition=Available", "deployment/spread", "-n", "default", "--timeout=60s")).EnsureSuccess();
        var nodes = (await second.RunAsync("get", "pods", "-n", "default", "-l", "app=spread", "-o", "jsonpath={.items[*].spec.nodeName}"))
            .EnsureSuccess().StdOut.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["node-0", "node-1"], nodes.Order(StringComparer.Ordinal));
        var ready = (await first.RunAsync("get", "deployment", "spread", "-n", "default", "-o", "jsonpath={.status.readyReplicas}")).EnsureSuccess();
        Assert.Equal("2", ready.StdOut);
    }

    [Fact]
    public async Task GetLeases_TwoServers_EveryLoopHeldOnceAndSpreadOverBoth()
    {
        // The first server starts alone and takes every lease; once the second is live, the first hands leases over
        // until each holds about half.
        var holders = await Poll.UntilAsync(
            async () =>
            {
                var leases = await LeaseHoldersAsync(Cluster.Kubectls[0]);
                var counts = leases.Values.GroupBy(h => h).Select(g => g.Count()).ToList();
                return leases.ContainsKey("superkube-scheduler") && counts.Count == 2 && counts.Max() - counts.Min() <= 2 ? leases : null;
            },
            Deadline, () => "leases did not spread evenly over both servers");

        Assert.All(holders.Values, h => Assert.Contains(h, new[] { "server-0", "server-1" }));
        Assert.Contains("superkube-controller-deployment", holders.Keys);
    }

    [Fact]
    public async Task StopServer_HoldingTheSchedulerLease_SurvivorTakesOverAndNewWorkIsReconciled()
    {
        var holder = await Poll.UntilAsync(
            async () => (await LeaseHoldersAsync(Cluster.Kubectls[0])).GetValueOrDefault("superkube-scheduler"),
            Deadline, () => "no scheduler lease");
        var stopped = holder == "server-0" ? 0 : 1;
        var survivor = Cluster.Kubectls[1 - stopped];

        await Cluster.StopServerAsync(stopped);

        await Poll.UntilAsync(
            async () =>
            {
                var leases = await LeaseHoldersAsync(survivor);
                return leases.Count > 0 && leases.Values.All(h => h == $"server-{1 - stopped}") ? leases : null;
            },
            Deadline, () => "the survivor did not take every lease");
        (await survivor.RunAsync("create", "deployment", "after", "-n", "default", "--image=busybox", "--replicas=2")).EnsureSuccess();
        await Poll.UntilAsync(
            async () =>
            {
                var nodes = (await survivor.RunAsync("get", "pods", "-n", "default", "-l", "app=after", "-o", "jsonpath={.items[*].spec.nodeName}")).StdOut;
                return nodes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 2;
            },
            Deadline, "the Deployment's pods were not created and scheduled after the hand-over");
    }

    [Fact]
    public async Task GetEndpoints_Kubernetes_ListsEveryLiveServerAndDropsAStoppedOne()
    {
        var ports = new[] { Cluster.Port(0), Cluster.Port(1) };
        await Poll.UntilAsync(async () => (await KubernetesEndpointPortsAsync(Cluster.Kubectls[1])).SetEquals(ports), Deadline,
            "the kubernetes Endpoints did not list both servers");

        await Cluster.StopServerAsync(0);

        await Poll.UntilAsync(async () => (await KubernetesEndpointPortsAsync(Cluster.Kubectls[1])).SetEquals([ports[1]]), Deadline,
            "the stopped server stayed in the kubernetes Endpoints");
    }

    [Fact]
    public async Task Readyz_DatabaseUnreachable_NotReadyNamingTheCheckThenWatchResumesWithoutLoss()
    {
        var ct = TestContext.Current.CancellationToken;
        var (first, second) = (Cluster.Kubectls[0], Cluster.Kubectls[1]);
        using var watch = second.Start(["get", "configmaps", "-n", "default", "-w", "--output-watch-events", "-o", "name"]);
        var lines = new LineReader(watch.StandardOutput);
        try
        {
            (await first.RunAsync("create", "configmap", "before-cut", "-n", "default")).EnsureSuccess();
            await lines.WaitForAsync(l => l.Contains("configmap/before-cut", StringComparison.Ordinal), Deadline);

            await Cluster.SetDatabaseReachableAsync(false, ct);
            try
            {
                var failing = await Poll.UntilAsync(
                    async () => await first.RunAsync("get", "--raw", "/readyz?verbose") is { ExitCode: not 0 } r ? r : null,
                    Deadline, () => "/readyz stayed ok while the database was unreachable");
                Assert.Contains("ServiceUnavailable", failing.StdErr, StringComparison.Ordinal);
                Assert.Equal(0, (await first.RunAsync("get", "--raw", "/livez")).ExitCode);
            }
            finally
            {
                await Cluster.SetDatabaseReachableAsync(true, ct);
            }

            await Poll.UntilAsync(async () => (await first.RunAsync("get", "--raw", "/readyz")).ExitCode == 0, Deadline, "/readyz did not recover");
            (await first.RunAsync("create", "configmap", "after-cut", "-n", "default")).EnsureSuccess();
            await lines.WaitForAsync(l => l.Contains("configmap/after-cut", StringComparison.Ordinal), Deadline);
            Assert.Equal(0, (await second.RunAsync("get", "configmap", "before-cut", "-n", "default")).ExitCode);
        }
        finally
        {
            watch.Kill();
        }
    }

    [Fact]
    public async Task RestartPostgres_DuringWrites_NoAcknowledgedWriteOrWatchEventLost()
    {
        var (first, second) = (Cluster.Kubectls[0], Cluster.Kubectls[1]);
        using var watch = second.Start(["get", "configmaps", "-n", "default", "-w", "--output-watch-events", "-o", "name"]);
        var lines = new LineReader(watch.StandardOutput);
        try
        {
            (await first.RunAsync("create", "configmap", "load-start", "-n", "default")).EnsureSuccess();
            await lines.WaitForAsync(l => l.EndsWith("configmap/load-start", StringComparison.Ordinal), Deadline);
            var acknowledged = new List<string> { "load-start" };
            var restart = Task.CompletedTask;
            for (var i = 0; i < 30; i++)
            {
                if (i == 5)
                {
                    restart = postgres.RestartAsync();
                }

                if ((await first.RunAsync("create", "configmap", $"load-{i}", "-n", "default")).ExitCode == 0)
                {
                    acknowledged.Add($"load-{i}");
                }
            }

            await restart;
            (await first.RunAsync("create", "configmap", "load-end", "-n", "default")).EnsureSuccess();
            acknowledged.Add("load-end");
            await lines.WaitForAsync(l => l.EndsWith("configmap/load-end", StringComparison.Ordinal), Deadline);

            foreach (var name in acknowledged)
            {
                Assert.Single(lines.Seen, l => l == $"configmap/{name}"); // each object once: added, never modified
            }

            var listed = (await second.RunAsync("get", "configmaps", "-n", "default", "-o", "name")).EnsureSuccess().StdOut.Split('\n');
            Assert.All(acknowledged, name => Assert.Contains($"configmap/{name}", listed));
        }
        finally
        {
            watch.Kill();
        }
    }

    private static async Task<HashSet<int>> KubernetesEndpointPortsAsync(Infrastructure.Kubectl kubectl)
    {
        var result = await kubectl.RunAsync("get", "endpoints", "kubernetes", "-n", "default", "-o", "jsonpath={.subsets[*].ports[*].port}");
        return [.. result.EnsureSuccess().StdOut.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse)];
    }

    /// <summary>Lease name → spec.holderIdentity of the Lease objects in kube-system.</summary>
    private static async Task<Dictionary<string, string>> LeaseHoldersAsync(Infrastructure.Kubectl kubectl)
    {
        var result = await kubectl.RunAsync(
            "get", "leases", "-n", "kube-system", "-o", "jsonpath={range .items[*]}{.metadata.name}={.spec.holderIdentity}{\"\\n\"}{end}");
        return result.EnsureSuccess().StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
    }
}
