using SuperKube.Host;
using SuperKube.IntegrationTests.Infrastructure;

namespace SuperKube.IntegrationTests.Nodes;

/// <summary><c>superkube node --server URL</c>: a node agent that joins over HTTPS with the node-join token (the command's own code path, in-process).</summary>
public sealed class RemoteNodeTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task NodeHost_JoinsOverHttp_NodeReadyAndRunsAPod()
    {
        var output = new StringWriter();
        var settings = new NodeSettings
        {
            Server = server.Url, Token = server.Pki.NodeToken, CaFile = Path.Combine(server.Pki.Directory, "ca.crt"),
            NodeName = "remote-1", DataDir = Path.Combine(server.DataDir, "remote-1"),
        };
        await using var node = await NodeHost.StartAsync(settings, output, TestContext.Current.CancellationToken);
        var ns = "remote-" + Guid.NewGuid().ToString("N")[..8];
        (await server.Kubectl.RunAsync("create", "namespace", ns)).EnsureSuccess();

        (await server.Kubectl.RunAsync("wait", "--for=condition=Ready", "node/remote-1", "--timeout=60s")).EnsureSuccess();
        (await server.Kubectl.RunAsync("apply", "-f", PodManifests.Pod(ns, "p", "remote-1", "[\"sleep\", \"3600\"]"))).EnsureSuccess();
        (await server.Kubectl.RunAsync("wait", "--for=condition=Ready", "pod/p", "-n", ns, "--timeout=60s")).EnsureSuccess();
        (await server.Kubectl.RunAsync("delete", "pod", "p", "-n", ns, "--timeout=60s")).EnsureSuccess();

        Assert.Contains("Node remote-1 registered with", output.ToString());
        Assert.StartsWith("10.244.", node.Node.PodCidr);
        Assert.NotEqual("10.244.0.0/24", node.Node.PodCidr); // the embedded node has the first block
    }
}
