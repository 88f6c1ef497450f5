using Microsoft.Extensions.DependencyInjection;
using SuperKube.Host;
using SuperKube.IntegrationTests.Infrastructure;
using SuperKube.IntegrationTests.Nodes;
using SuperKube.Runtime.Docker;
using SuperKube.Runtime.Docker.Client;
using SuperKube.Runtime.Docker.Tests;

namespace SuperKube.IntegrationTests.Docker;

/// <summary>
/// Restarting <c>superkube server</c> on the same data directory keeps Docker pods running: the new node agent
/// adopts their containers (no duplicates, same container ids) and removes those of pods deleted while it was down.
/// </summary>
public sealed class DockerRestartTests(DockerEngine engine) : IClassFixture<DockerEngine>
{
    [Fact]
    public async Task ServerRestart_SameDataDir_AdoptsRunningContainersAndRemovesOrphans()
    {
        engine.Require();
        var dataDir = Directory.CreateTempSubdirectory("superkube-restart-").FullName;
        var ns = "restart-" + Guid.NewGuid().ToString("N")[..8];
        using var docker = new DockerClient(DockerEndpoint.FromEnvironment());
        try
        {
            string keptUid, goneUid;
            IReadOnlyList<string> before;
            await using (var first = await StartAsync(dataDir))
            {
                var k = Kubectl(first, dataDir);
                (await k.RunAsync("create", "namespace", ns)).EnsureSuccess();
                foreach (var name in new[] { "kept", "gone" })
                {
                    (await k.RunAsync("apply", "-f", PodManifests.Write(Pod(ns, name)))).EnsureSuccess();
                }

                (await k.RunAsync("wait", "--for=condition=Ready", "pod/kept", "pod/gone", "-n", ns, "--timeout=90s")).EnsureSuccess();
                keptUid = (await k.RunAsync("get", "pod", "kept", "-n", ns, "-o", "jsonpath={.metadata.uid}")).EnsureSuccess().StdOut;
                goneUid = (await k.RunAsync("get", "pod", "gone", "-n", ns, "-o", "jsonpath={.metadata.uid}")).EnsureSuccess().StdOut;
                before = await ContainersAsync(docker, keptUid);
            }

            await using var second = await StartAsync(dataDir, beforeNode: async client =>
                await client.DeleteAsync(SuperKube.Client.ApiResource.Pods, ns, "gone", new SuperKube.Resources.DeleteOptions { GracePeriodSeconds = 0 }, CancellationToken.None));
            var k2 = Kubectl(second, dataDir);
            (await k2.RunAsync("wait", "--for=condition=Ready", "pod/kept", "-n", ns, "--timeout=90s")).EnsureSuccess();
            var restarts = (await k2.RunAsync("get", "pod", "kept", "-n", ns, "-o", "jsonpath={.status.containerStatuses[0].restartCount}")).EnsureSuccess().StdOut;
            var orphansLeft = await PollAsync(async () => (await ContainersAsync(docker, goneUid)).Count == 0);

            Assert.Single(before);
            Assert.Equal(before, await ContainersAsync(docker, keptUid));
            Assert.Equal("0", restarts);
            Assert.True(orphansLeft, "the containers of the pod deleted while the server was down are still there");
        }
        finally
        {
            foreach (var container in await docker.ListContainersAsync(new Dictionary<string, string> { [DockerLabels.PodNamespace] = ns }, CancellationToken.None))
            {
                await docker.RemoveContainerAsync(container.Id, force: true, CancellationToken.None);
            }

            Directory.Delete(dataDir, recursive: true);
        }
    }

    private static string Pod(string ns, string name) => $$"""
        apiVersion: v1
        kind: Pod
        metadata: { name: {{name}}, namespace: {{ns}} }
        spec:
          terminationGracePeriodSeconds: 1
          containers:
          - name: main
            image: {{DockerEngine.TestImage}}
            command: ["sleep", "3600"]
        """;

    /// <summary>
    /// Starts the server; <paramref name="beforeNode"/> runs against the API before the embedded node starts (so a pod
    /// can be deleted "while the agent was down").
    /// </summary>
    private static async Task<ServerHost> StartAsync(string dataDir, Func<SuperKube.Client.IKubernetesClient, Task>? beforeNode = null)
    {
        if (beforeNode is not null)
        {
            await using var apiOnly = await ServerHost.StartAsync(new ServerSettings { DataDir = dataDir, Port = 0, NoAgent = true }, TextWriter.Null, CancellationToken.None);
            await beforeNode(apiOnly.Services.GetRequiredService<SuperKube.Client.IKubernetesClient>());
        }

        return await ServerHost.StartAsync(new ServerSettings { DataDir = dataDir, Port = 0, Runtime = "docker" }, TextWriter.Null, CancellationToken.None);
    }

    private static Infrastructure.Kubectl Kubectl(ServerHost host, string dataDir) => new(host.KubeconfigPath, Path.Combine(dataDir, "kubectl-cache"));

    private static async Task<IReadOnlyList<string>> ContainersAsync(DockerClient docker, string podUid) =>
        [.. (await docker.ListContainersAsync(new Dictionary<string, string> { ["io.kubernetes.pod.uid"] = podUid, [DockerLabels.Role] = "container" }, CancellationToken.None))
            .Select(c => c.Id).Order(StringComparer.Ordinal)];

    private static async Task<bool> PollAsync(Func<Task<bool>> done)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!await done())
        {
            if (deadline.IsCancellationRequested)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), CancellationToken.None);
        }

        return true;
    }
}
