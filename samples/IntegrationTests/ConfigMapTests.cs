using System.Text.Json.Nodes;
using SuperKube.Api;
using SuperKube.Client;
using SuperKube.Testing;

namespace IntegrationTests;

// A test class gets its own in-memory cluster through the fixture; the client has the real API semantics.
public sealed class ConfigMapTests(SuperKubeClusterFixture fixture) : IClassFixture<SuperKubeClusterFixture>
{
    private IKubernetesClient Client => fixture.Cluster.Client;

    [Fact]
    public async Task Create_ThenGet_ReturnsStoredData()
    {
        var configMap = new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = "settings" },
            ["data"] = new JsonObject { ["mode"] = "fast" },
        };

        await Client.CreateAsync(ApiResource.ConfigMaps, "default", configMap, CancellationToken.None);
        var stored = await Client.GetAsync(ApiResource.ConfigMaps, "default", "settings", CancellationToken.None);

        Assert.Equal("fast", (string?)stored?["data"]?["mode"]);
    }

    [Fact]
    public async Task Create_InMissingNamespace_FailsLikeKubernetes()
    {
        var configMap = new JsonObject { ["metadata"] = new JsonObject { ["name"] = "x" } };

        var error = await Assert.ThrowsAsync<ApiException>(() =>
            Client.CreateAsync(ApiResource.ConfigMaps, "nowhere", configMap, CancellationToken.None));

        Assert.Equal(404, error.Code);
    }
}
