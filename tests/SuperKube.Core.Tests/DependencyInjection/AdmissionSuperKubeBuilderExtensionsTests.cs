using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SuperKube.Admission;
using SuperKube.Api;
using SuperKube.Client;
using SuperKube.Registry;
using SuperKube.Storage.Sqlite;

namespace SuperKube.DependencyInjection.Tests;

public sealed class AdmissionSuperKubeBuilderExtensionsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddAdmissionPlugin_MutatingAndValidating_LabelsConfigMapsAndRejectsForbiddenNames()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSuperKube().AddSqliteStorage(o => o.Path = SqliteStorageOptions.InMemory).AddAdmissionPlugin<ConfigMapPolicy>().AddAdmissionPlugin<ConfigMapPolicy>();
        using var host = builder.Build();
        await host.StartAsync(Ct);
        var client = host.Services.GetRequiredService<IKubernetesClient>();

        var created = await client.CreateAsync(ApiResource.ConfigMaps, "default", ConfigMap("settings"), Ct);
        var secret = await client.CreateAsync(ApiResource.Secrets, "default", ConfigMap("token"), Ct);
        var rejected = await Assert.ThrowsAsync<ApiException>(() => client.CreateAsync(ApiResource.ConfigMaps, "default", ConfigMap("forbidden"), Ct));
        await host.StopAsync(Ct);

        Assert.Equal("yes", (string?)created["metadata"]!["labels"]!["policy.example.com/checked"]);
        Assert.Null(secret["metadata"]!["labels"]);
        Assert.Equal(403, rejected.Code);
        Assert.Contains("names may not be \"forbidden\"", rejected.Message);
        Assert.Single(host.Services.GetServices<IMutatingAdmissionPlugin>(), p => p.Name == "ConfigMapPolicy");
    }

    [Fact]
    public void AddAdmissionPlugin_NotAPlugin_Throws()
    {
        var builder = new SuperKubeBuilder(new ServiceCollection());

        Assert.Throws<ArgumentException>(() => builder.AddAdmissionPlugin<string>());
    }

    private static JsonObject ConfigMap(string name) => new() { ["metadata"] = new JsonObject { ["name"] = name } };

    /// <summary>Labels every ConfigMap and refuses the name "forbidden".</summary>
    private sealed class ConfigMapPolicy : IMutatingAdmissionPlugin, IValidatingAdmissionPlugin
    {
        public string Name => "ConfigMapPolicy";

        public bool AppliesTo(ResourceType resource) => resource.Plural == "configmaps";

        public ValueTask MutateAsync(AdmissionRequest request, CancellationToken cancellationToken)
        {
            var metadata = request.Object!["metadata"]!.AsObject();
            metadata["labels"] = new JsonObject { ["policy.example.com/checked"] = "yes" };
            return ValueTask.CompletedTask;
        }

        public ValueTask ValidateAsync(AdmissionRequest request, CancellationToken cancellationToken) =>
            request.Resource.Plural == "configmaps" && request.Name == "forbidden"
                ? throw ApiException.Forbidden(request.Resource, request.Name, "names may not be \"forbidden\"")
                : ValueTask.CompletedTask;
    }
}
