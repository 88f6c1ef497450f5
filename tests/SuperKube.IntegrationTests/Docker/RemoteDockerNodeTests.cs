using SuperKube.Host;
using SuperKube.IntegrationTests.Infrastructure;
using SuperKube.IntegrationTests.Nodes;
using SuperKube.Runtime.Docker;
using SuperKube.Runtime.Docker.Client;
using SuperKube.Runtime.Docker.Tests;

namespace SuperKube.IntegrationTests.Docker;

/// <summary>A remote <c>superkube node</c> on Docker: port-forward and <c>kubectl cp</c> relayed by the API server to the node's streaming server.</summary>
public sealed class RemoteDockerNodeTests(DockerEngine engine, ServerFixture server) : IClassFixture<DockerEngine>, IClassFixture<ServerFixture>
{
    private const string NodeName = "remote-docker";
    private const string WebServer = "[\"sh\", \"-c\", \"echo ok from web > /var/www/index.html; exec httpd -f -p 8080 -h /var/www\"]";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task RemoteDockerNode_PortForwardAndCp_RelayedThroughTheApiServer()
    {
        engine.Require();
        var k = server.Kubectl;
        var ns = "rdocker-" + Guid.NewGuid().ToString("N")[..8];
        var settings = new NodeSettings
        {
            Server = server.Url, Token = server.Pki.NodeToken, CaFile = Path.Combine(server.Pki.Directory, "ca.crt"),
            NodeName = NodeName, DataDir = Path.Combine(server.DataDir, NodeName), Runtime = "docker", StreamingPort = 0,
        };
        await using var node = await NodeHost.StartAsync(settings, TextWriter.Null, TestContext.Current.CancellationToken);
        try
        {
            (await k.RunAsync("create", "namespace", ns)).EnsureSuccess();
            (await k.RunAsync("apply", "-f", PodManifests.Pod(ns, "web", NodeName, WebServer, image: DockerEngine.TestImage))).EnsureSuccess();
            (await k.RunAsync("wait", "--for=condition=Ready", "pod/web", "-n", ns, "--timeout=90s")).EnsureSuccess();
            var local = Path.Combine(server.DataDir, "cp-" + ns + ".txt");
            using var http = new HttpClient { Timeout = Bound };
            await File.WriteAllTextAsync(local, "copied to a remote node\n", TestContext.Current.CancellationToken);

            var body = await KubectlStreams.PortForwardAsync(k, ns, "web", 8080, Bound, port => Poll.UntilAsync(async () =>
            {
                try
                {
                    return await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/index.html"));
                }
                catch (HttpRequestException)
                {
                    return null; // httpd may still be starting
                }
            }, Bound, () => "no answer through the port-forward"));
            (await k.RunAsync("cp", local, $"{ns}/web:/tmp/in.txt")).EnsureSuccess();
            (await k.RunAsync("cp", $"{ns}/web:/tmp/in.txt", local + ".back")).EnsureSuccess();

            Assert.Equal("ok from web\n", body);
            Assert.Equal("copied to a remote node\n", await File.ReadAllTextAsync(local + ".back", TestContext.Current.CancellationToken));
        }
        finally
        {
            using var docker = new DockerClient(DockerEndpoint.FromEnvironment());
            foreach (var container in await docker.ListContainersAsync(new Dictionary<string, string> { [DockerLabels.PodNamespace] = ns }, CancellationToken.None))
            {
                await docker.RemoveContainerAsync(container.Id, force: true, CancellationToken.None);
            }
        }
    }
}
