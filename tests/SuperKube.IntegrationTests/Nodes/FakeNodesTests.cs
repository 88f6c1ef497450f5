namespace SuperKube.IntegrationTests.Nodes;

/// <summary><c>superkube server --fake-nodes 5</c>: simulated nodes next to the embedded one.</summary>
public sealed class FakeNodesTests(FakeNodesServerFixture server) : IClassFixture<FakeNodesServerFixture>
{
    [Fact]
    public async Task GetNodes_FiveFakeNodes_SixNodesReady()
    {
        var result = (await server.Kubectl.RunAsync("get", "nodes", "--no-headers", "-L", "topology.kubernetes.io/zone")).EnsureSuccess();

        var rows = result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal(6, rows.Count);
        Assert.All(rows, r => Assert.Equal("Ready", r[1]));
        var zones = rows.Where(r => r[0].StartsWith("fake-node-", StringComparison.Ordinal)).Select(r => r[^1]).ToList();
        Assert.Equal(5, zones.Count);
        Assert.Equal(["zone-a", "zone-b", "zone-c"], zones.Distinct().Order());
    }

    [Fact]
    public async Task Pod_OnFakeNode_RunsWithAnIpFromItsRange()
    {
        var ns = "fake-" + Guid.NewGuid().ToString("N")[..8];
        (await server.Kubectl.RunAsync("create", "namespace", ns)).EnsureSuccess();
        (await server.Kubectl.RunAsync("apply", "-f", PodManifests.Pod(ns, "p", "fake-node-4", "[\"sleep\", \"3600\"]"))).EnsureSuccess();

        (await server.Kubectl.RunAsync("wait", "--for=condition=Ready", "pod/p", "-n", ns, "--timeout=60s")).EnsureSuccess();

        var ip = (await server.Kubectl.RunAsync("get", "pod", "p", "-n", ns, "-o", "jsonpath={.status.podIP} {.status.hostIP}")).EnsureSuccess().StdOut;
        Assert.Equal("10.128.4.2 10.200.0.4", ip.Trim());
    }
}
