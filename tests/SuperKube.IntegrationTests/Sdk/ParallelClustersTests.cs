using System.Text.Json.Nodes;
using SuperKube.Client;
using SuperKube.IntegrationTests.Infrastructure;
using SuperKube.Testing;

namespace SuperKube.IntegrationTests.Sdk;

/// <summary>The test fixture as users meet it: many independent clusters in one process, each answering kubectl.</summary>
public sealed class ParallelClustersTests
{
    [Fact]
    public async Task StartAsync_TenClustersInParallel_EachAnswersKubectlWithItsOwnState()
    {
        var clusters = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => SuperKubeCluster.StartAsync()));
        try
        {
            await Task.WhenAll(clusters.Select(async (cluster, i) =>
            {
                var config = new JsonObject { ["metadata"] = new JsonObject { ["name"] = $"only-in-{i}" } };
                await cluster.Client.CreateAsync(ApiResource.ConfigMaps, "default", config, CancellationToken.None);
                var cache = Path.Combine(cluster.DataDirectory, "kubectl-cache");
                var kubectl = new Infrastructure.Kubectl(cluster.KubeconfigPath, cache);

                var names = (await kubectl.RunAsync("get", "configmaps", "-o", "name")).EnsureSuccess().StdOut;

                Assert.Equal($"configmap/only-in-{i}", names.Trim());
            }));
            Assert.Equal(10, clusters.Select(c => c.Url).Distinct().Count());
        }
        finally
        {
            await Task.WhenAll(clusters.Select(c => c.DisposeAsync().AsTask()));
        }
    }

    [Fact]
    public async Task Client_InProcess_SupportsCrudAndWatch()
    {
        await using var cluster = await SuperKubeCluster.StartAsync();
        var client = cluster.Client;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var events = new List<string>();
        var start = await client.ListAsync(ApiResource.ConfigMaps, "default", null, cts.Token);
        var watching = Task.Run(async () =>
        {
            // Resuming from the list's revision replays every later change, however late the watch subscribes.
            await foreach (var e in client.WatchAsync(ApiResource.ConfigMaps, "default", new Resources.ListOptions { ResourceVersion = start.ResourceVersion }, cts.Token))
            {
                events.Add($"{e.Type} {(string?)e.Object["metadata"]!["name"]}");
                if (e.Type == "DELETED")
                {
                    return;
                }
            }
        }, cts.Token);

        var created = await client.CreateAsync(ApiResource.ConfigMaps, "default", new JsonObject { ["metadata"] = new JsonObject { ["name"] = "w" }, ["data"] = new JsonObject { ["a"] = "1" } }, cts.Token);
        await client.PatchAsync(ApiResource.ConfigMaps, "default", "w", PatchType.Merge, new JsonObject { ["data"] = new JsonObject { ["a"] = "2" } }, "", cts.Token);
        var fetched = await client.GetAsync(ApiResource.ConfigMaps, "default", "w", cts.Token);
        Assert.True(await client.DeleteAsync(ApiResource.ConfigMaps, "default", "w", null, cts.Token));
        await watching;

        Assert.Equal("2", (string?)fetched!["data"]!["a"]);
        Assert.NotEqual((string?)created["metadata"]!["resourceVersion"], (string?)fetched["metadata"]!["resourceVersion"]);
        Assert.Equal(["ADDED w", "MODIFIED w", "DELETED w"], events);
        Assert.False(await client.DeleteAsync(ApiResource.ConfigMaps, "default", "w", null, cts.Token));
    }

    [Fact]
    public async Task StartAsync_EmptyCluster_HasSystemNamespaces()
    {
        await using var cluster = await SuperKubeCluster.StartAsync();

        var namespaces = await cluster.Client.ListAsync(ApiResource.Namespaces, null, null, CancellationToken.None);
        Assert.Contains(namespaces.Items, n => (string?)n["metadata"]!["name"] == "kube-system");
    }
}
