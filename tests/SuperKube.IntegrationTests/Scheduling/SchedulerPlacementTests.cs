using SuperKube.IntegrationTests.Infrastructure;

namespace SuperKube.IntegrationTests.Scheduling;

/// <summary>
/// The scheduler seen through the real kubectl: placement by nodeSelector, anti-affinity, topology spread and
/// preemption on simulated nodes. Each test labels its own nodes and selects them, so tests do not share nodes.
/// </summary>
public sealed class SchedulerPlacementTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private readonly SchedulingCluster _cluster = new(server.Kubectl);

    [Fact]
    public async Task NodeSelector_PodLandsOnTheLabelledNode()
    {
        var ns = await _cluster.NamespaceAsync();
        await _cluster.NodeAsync($"{ns}-hdd", $"{{test: {ns}, disk: hdd}}");
        await _cluster.NodeAsync($"{ns}-ssd", $"{{test: {ns}, disk: ssd}}");

        (await server.Kubectl.RunAsync("run", "db", "-n", ns, "--image=busybox", "--restart=Never",
            $$$"""--overrides={"spec":{"nodeSelector":{"test":"{{{ns}}}","disk":"ssd"} } }""")).EnsureSuccess();

        Assert.Equal($"{ns}-ssd", await _cluster.ScheduledNodeAsync(ns, "db"));
        var scheduled = await _cluster.EventAsync(ns, "db", "Scheduled");
        Assert.Equal($"Successfully assigned {ns}/db to {ns}-ssd", (string?)scheduled["message"]);
    }

    [Fact]
    public async Task RequiredAntiAffinity_SpreadsReplicasOverHosts_AndTheExtraOneWaits()
    {
        var ns = await _cluster.NamespaceAsync();
        for (var i = 0; i < 3; i++)
        {
            await _cluster.NodeAsync($"{ns}-n{i}", $"{{test: {ns}, kubernetes.io/hostname: {ns}-n{i}}}");
        }

        for (var i = 0; i < 4; i++)
        {
            await _cluster.ApplyAsync($$$"""
                apiVersion: v1
                kind: Pod
                metadata: {name: web-{{{i}}}, namespace: {{{ns}}}, labels: {app: web}}
                spec:
                  nodeSelector: {test: {{{ns}}}}
                  affinity:
                    podAntiAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                      - labelSelector: {matchLabels: {app: web}}
                        topologyKey: kubernetes.io/hostname
                  containers: [{name: c, image: busybox}]
                """);
        }

        var placed = new List<string>();
        var pending = new List<string>();
        foreach (var pod in Enumerable.Range(0, 4).Select(i => $"web-{i}"))
        {
            var bound = await SchedulingCluster.EventuallyAsync(async () =>
                (await _cluster.JsonPathAsync(ns, pod, "{.spec.nodeName}")).Length > 0
                || (await _cluster.JsonPathAsync(ns, pod, "{.status.conditions[?(@.type==\"PodScheduled\")].reason}")) == "Unschedulable");
            Assert.True(bound, $"{pod} was neither placed nor reported unschedulable");
            var node = await _cluster.JsonPathAsync(ns, pod, "{.spec.nodeName}");
            (node.Length > 0 ? placed : pending).Add(node.Length > 0 ? node : pod);
        }

        Assert.Equal(3, placed.Distinct().Count());
        var waiting = Assert.Single(pending);
        var failed = await _cluster.EventAsync(ns, waiting, "FailedScheduling");
        Assert.Contains("3 node(s) didn't match pod anti-affinity rules", (string?)failed["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TopologySpread_MaxSkewOne_BalancesZones()
    {
        var ns = await _cluster.NamespaceAsync();
        foreach (var (node, zone) in new[] { ("a1", "a"), ("a2", "a"), ("a3", "a"), ("b1", "b") })
        {
            await _cluster.NodeAsync($"{ns}-{node}", $"{{test: {ns}, topology.kubernetes.io/zone: {zone}}}");
        }

        var zones = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            await _cluster.ApplyAsync($$$"""
                apiVersion: v1
                kind: Pod
                metadata: {name: spread-{{{i}}}, namespace: {{{ns}}}, labels: {app: spread}}
                spec:
                  nodeSelector: {test: {{{ns}}}}
                  topologySpreadConstraints:
                  - maxSkew: 1
                    topologyKey: topology.kubernetes.io/zone
                    whenUnsatisfiable: DoNotSchedule
                    labelSelector: {matchLabels: {app: spread}}
                  containers: [{name: c, image: busybox}]
                """);
            var node = await _cluster.ScheduledNodeAsync(ns, $"spread-{i}");
            zones.Add(node.EndsWith("b1", StringComparison.Ordinal) ? "b" : "a");
        }

        Assert.Equal(2, zones.Count(z => z == "a"));
        Assert.Equal(2, zones.Count(z => z == "b"));
    }

    [Fact]
    public async Task HighPriorityPod_PreemptsLowPriorityPod()
    {
        var ns = await _cluster.NamespaceAsync();
        await _cluster.NodeAsync($"{ns}-only", $"{{test: {ns}}}", cpu: "2");
        (await server.Kubectl.RunAsync("create", "priorityclass", $"{ns}-low", "--value=10")).EnsureSuccess();
        (await server.Kubectl.RunAsync("create", "priorityclass", $"{ns}-high", "--value=1000")).EnsureSuccess();
        await _cluster.ApplyAsync(PodManifest(ns, "victim", $"{ns}-low", "1500m"));
        Assert.Equal($"{ns}-only", await _cluster.ScheduledNodeAsync(ns, "victim"));

        await _cluster.ApplyAsync(PodManifest(ns, "vip", $"{ns}-high", "1"));

        Assert.Equal($"{ns}-only", await _cluster.ScheduledNodeAsync(ns, "vip"));
        var preempted = await _cluster.EventAsync(ns, "victim", "Preempted");
        Assert.StartsWith("Preempted by pod ", (string?)preempted["message"], StringComparison.Ordinal);
        Assert.Equal(1, (await server.Kubectl.RunAsync("get", "pod", "victim", "-n", ns)).ExitCode);
        Assert.Equal($"{ns}-only", await _cluster.JsonPathAsync(ns, "vip", "{.status.nominatedNodeName}"));
    }

    private static string PodManifest(string ns, string name, string priorityClass, string cpu) => $$$"""
        apiVersion: v1
        kind: Pod
        metadata: {name: {{{name}}}, namespace: {{{ns}}}}
        spec:
          nodeSelector: {test: {{{ns}}}}
          priorityClassName: {{{priorityClass}}}
          terminationGracePeriodSeconds: 0
          containers: [{name: c, image: busybox, resources: {requests: {cpu: "{{{cpu}}}"} } }]
        """;
}
