using SuperKube.IntegrationTests.Infrastructure;

namespace SuperKube.IntegrationTests.Scheduling;

/// <summary>A pod that fits nowhere, on a server of its own so the node counts in the message are exact.</summary>
public sealed class SchedulerPendingTests(NodelessServerFixture server) : IClassFixture<NodelessServerFixture>
{
    private const string Expected =
        "0/3 nodes are available: 1 node(s) had untolerated taint {dedicated: infra}, 2 Insufficient cpu. " +
        "preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod..";

    [Fact]
    public async Task PodThatFitsNowhere_StaysPendingWithUpstreamFailedSchedulingMessage()
    {
        var cluster = new SchedulingCluster(server.Kubectl);
        var ns = await cluster.NamespaceAsync();
        await cluster.NodeAsync("small-1", "{size: small}", cpu: "500m");
        await cluster.NodeAsync("small-2", "{size: small}", cpu: "500m");
        await cluster.NodeAsync("infra", "{role: infra}", cpu: "8", taints: "[{key: dedicated, value: infra, effect: NoSchedule}]");

        await cluster.ApplyAsync($$$"""
            apiVersion: v1
            kind: Pod
            metadata: {name: big, namespace: {{{ns}}}}
            spec:
              containers: [{name: c, image: busybox, resources: {requests: {cpu: "1"} } }]
            """);

        var failed = await cluster.EventAsync(ns, "big", "FailedScheduling");
        Assert.Equal(Expected, (string?)failed["message"]);
        Assert.Equal("Warning", (string?)failed["type"]);
        Assert.Equal("default-scheduler", (string?)failed["source"]?["component"]);
        Assert.Equal("", await cluster.JsonPathAsync(ns, "big", "{.spec.nodeName}"));
        Assert.Equal("Unschedulable", await cluster.JsonPathAsync(ns, "big", "{.status.conditions[?(@.type==\"PodScheduled\")].reason}"));
        var describe = (await server.Kubectl.RunAsync("describe", "pod", "big", "-n", ns)).EnsureSuccess().StdOut;
        Assert.Contains("FailedScheduling", describe, StringComparison.Ordinal);
        Assert.Contains("0/3 nodes are available: 1 node(s) had untolerated taint {dedicated: infra}, 2 Insufficient cpu.", describe, StringComparison.Ordinal);
        var pods = (await server.Kubectl.RunAsync("get", "pod", "big", "-n", ns)).EnsureSuccess().StdOut;
        Assert.Contains("Pending", pods, StringComparison.Ordinal);
    }
}
