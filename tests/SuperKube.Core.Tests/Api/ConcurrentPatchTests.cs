using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SuperKube.Client;
using SuperKube.Storage.Sqlite;

namespace SuperKube.Api.Tests;

/// <summary>Patches that do not name a resourceVersion are retried on write races instead of failing with 409.</summary>
public sealed class ConcurrentPatchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MergePatch_ManyAtOnceWithoutResourceVersion_AllApplied()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSuperKube().AddSqliteStorage(o => o.Path = SqliteStorageOptions.InMemory);
        using var host = builder.Build();
        await host.StartAsync(Ct);
        var client = host.Services.GetRequiredService<IKubernetesClient>();
        await client.CreateAsync(ApiResource.ConfigMaps, "default", new JsonObject { ["metadata"] = new JsonObject { ["name"] = "shared" } }, Ct);

        await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Task.Run(() => client.PatchAsync(ApiResource.ConfigMaps, "default", "shared", PatchType.Merge,
            new JsonObject { ["data"] = new JsonObject { [$"k{i}"] = "v" } }, "", Ct), Ct)));
        var final = await client.GetAsync(ApiResource.ConfigMaps, "default", "shared", Ct);
        var stale = await Assert.ThrowsAsync<ApiException>(() => client.PatchAsync(ApiResource.ConfigMaps, "default", "shared", PatchType.Merge,
            new JsonObject { ["metadata"] = new JsonObject { ["resourceVersion"] = "1" }, ["data"] = new JsonObject { ["late"] = "v" } }, "", Ct));
        await host.StopAsync(Ct);

        Assert.Equal(24, final!["data"]!.AsObject().Count);
        Assert.Equal(409, stale.Code);
    }
}
