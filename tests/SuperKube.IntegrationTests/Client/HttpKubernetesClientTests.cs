using System.Text.Json.Nodes;
using SuperKube.Api;
using SuperKube.Client;
using SuperKube.IntegrationTests.Infrastructure;
using SuperKube.Resources;

namespace SuperKube.Client.Tests;

/// <summary>The HTTP client against a real server: CRUD, patch, subresources, watch and errors from Status bodies.</summary>
public sealed class HttpKubernetesClientTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateGetPatchDelete_ConfigMap_RoundTrips()
    {
        var client = KubernetesClientFactory.FromKubeconfig(server.KubeconfigPath);
        var cm = JsonNode.Parse("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"http-client"},"data":{"a":"1"}}""")!.AsObject();

        var created = await client.CreateAsync(ApiResource.ConfigMaps, "default", cm, Ct);
        var patched = await client.PatchAsync(ApiResource.ConfigMaps, "default", "http-client", PatchType.Merge, JsonNode.Parse("""{"data":{"b":"2"}}""")!, "", Ct);
        var fetched = await client.GetAsync(ApiResource.ConfigMaps, "default", "http-client", Ct);
        var list = await client.ListAsync(ApiResource.ConfigMaps, "default", new ListOptions { FieldSelector = "metadata.name=http-client" }, Ct);
        var deleted = await client.DeleteAsync(ApiResource.ConfigMaps, "default", "http-client", null, Ct);
        var deletedAgain = await client.DeleteAsync(ApiResource.ConfigMaps, "default", "http-client", null, Ct);

        Assert.False(string.IsNullOrEmpty((string?)created["metadata"]!["uid"]));
        Assert.Equal("2", (string?)patched["data"]!["b"]);
        Assert.Equal("1", (string?)fetched!["data"]!["a"]);
        Assert.Single(list.Items);
        Assert.NotEmpty(list.ResourceVersion);
        Assert.True(deleted);
        Assert.False(deletedAgain);
        Assert.Null(await client.GetAsync(ApiResource.ConfigMaps, "default", "http-client", Ct));
    }

    [Fact]
    public async Task CreateAsync_AlreadyExists_ThrowsApiExceptionFromStatus()
    {
        var client = KubernetesClientFactory.FromKubeconfig(server.KubeconfigPath);
        var ns = JsonNode.Parse("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"default"}}""")!.AsObject();

        var ex = await Assert.ThrowsAsync<ApiException>(() => client.CreateAsync(ApiResource.Namespaces, null, ns, Ct));

        Assert.Equal(409, ex.Code);
        Assert.Equal("AlreadyExists", ex.Reason);
        Assert.Contains("namespaces \"default\" already exists", ex.Message);
    }

    [Fact]
    public async Task WatchAsync_FromListRevision_StreamsLaterChanges()
    {
        var client = KubernetesClientFactory.FromKubeconfig(server.KubeconfigPath);
        var list = await client.ListAsync(ApiResource.ConfigMaps, "default", null, Ct);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cts.CancelAfter(TimeSpan.FromSeconds(30));
        var options = new ListOptions { ResourceVersion = list.ResourceVersion, FieldSelector = "metadata.name=watched" };
        await using var events = client.WatchAsync(ApiResource.ConfigMaps, "default", options, cts.Token).GetAsyncEnumerator(cts.Token);
        var next = events.MoveNextAsync().AsTask();

        await client.CreateAsync(ApiResource.ConfigMaps, "default", JsonNode.Parse("""{"metadata":{"name":"watched"}}""")!.AsObject(), Ct);

        Assert.True(await next);
        Assert.Equal("ADDED", events.Current.Type);
        Assert.Equal("watched", (string?)events.Current.Object["metadata"]!["name"]);
    }

    [Fact]
    public async Task UpdateAsync_StatusSubresource_OnlyChangesStatus()
    {
        var client = KubernetesClientFactory.FromKubeconfig(server.KubeconfigPath);
        var node = JsonNode.Parse("""{"apiVersion":"v1","kind":"Node","metadata":{"name":"http-client-node"},"spec":{"podCIDR":"10.99.0.0/24"}}""")!.AsObject();
        var created = await client.CreateAsync(ApiResource.Nodes, null, node, Ct);
        created["status"] = new JsonObject { ["phase"] = "Running" };
        created["spec"]!["unschedulable"] = true;

        var updated = await client.UpdateAsync(ApiResource.Nodes, null, created, "status", Ct);

        Assert.Equal("Running", (string?)updated["status"]!["phase"]);
        Assert.Null(updated["spec"]!["unschedulable"]);
        await client.DeleteAsync(ApiResource.Nodes, null, "http-client-node", new DeleteOptions { GracePeriodSeconds = 0 }, Ct);
    }
}
