using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SuperKube.Api;
using SuperKube.Client;

namespace SuperKube.CustomResources.Cel.Tests;

/// <summary>x-kubernetes-validations through the in-process API: CRD create, then custom resource writes.</summary>
public sealed class CelEndToEndTests : IAsyncLifetime
{
    private static readonly ApiResource Crds = new("apiextensions.k8s.io", "v1", "customresourcedefinitions");
    private static readonly ApiResource Apps = new(CelFixtures.Group, "v1", "apps");
    private IHost? _host;

    private IKubernetesClient Client => _host!.Services.GetRequiredService<IKubernetesClient>();

    public async ValueTask InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSuperKube().AddSqliteStorage(o => o.Path = ":memory:");
        _host = builder.Build();
        await _host.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }
    }

    [Fact]
    public async Task Create_CrViolatingRule_422WithMessageAndFieldPath()
    {
        await InstallAsync();

        var ex = await Assert.ThrowsAsync<ApiException>(() =>
            Client.CreateAsync(Apps, "default", CelFixtures.App("app-1", """{"replicas":5,"maxReplicas":3}"""), default));

        Assert.Equal(422, ex.Code);
        Assert.Equal("Invalid", ex.Reason);
        Assert.Equal("App.cel.example.com \"app-1\" is invalid: spec: Invalid value: \"object\": replicas must not exceed maxReplicas", ex.Message);
        var cause = Assert.Single(ex.Details!["causes"]!.AsArray());
        Assert.Equal("spec", (string?)cause!["field"]);
        Assert.Equal("FieldValueInvalid", (string?)cause["reason"]);
    }

    [Fact]
    public async Task Update_ImmutableTransitionRule_AllowsCreateRejectsChange()
    {
        await InstallAsync();
        var created = await Client.CreateAsync(Apps, "default", CelFixtures.App("app-2", """{"replicas":1,"maxReplicas":3,"storageClass":"fast"}"""), default);

        created["spec"]!["storageClass"] = "slow";
        var ex = await Assert.ThrowsAsync<ApiException>(() => Client.UpdateAsync(Apps, "default", created, "", default));
        created["spec"]!["storageClass"] = "fast";
        created["spec"]!["replicas"] = 2;
        var updated = await Client.UpdateAsync(Apps, "default", created, "", default);

        Assert.Equal(422, ex.Code);
        Assert.Contains("spec.storageClass: Invalid value: \"string\": storageClass is immutable", ex.Message);
        Assert.Equal(2, (int?)updated["spec"]!["replicas"]);
    }

    [Fact]
    public async Task CreateCrd_UnsupportedFunction_422AtRulePath()
    {
        var crd = CelFixtures.Crd("""[{"rule":"self.name.split('-').size() == 2"}]""");

        var ex = await Assert.ThrowsAsync<ApiException>(() => Client.CreateAsync(Crds, null, crd, default));

        Assert.Equal(422, ex.Code);
        var cause = Assert.Single(ex.Details!["causes"]!.AsArray());
        Assert.Equal("spec.versions[0].schema.openAPIV3Schema.properties[spec].x-kubernetes-validations[0].rule", (string?)cause!["field"]);
        Assert.Contains("compilation failed: ERROR: <input>:1:11: function 'split' is not supported", (string?)cause["message"]);
    }

    // Creates the CRD and waits until its resource is served.
    private async Task InstallAsync()
    {
        await Client.CreateAsync(Crds, null, CelFixtures.Crd(), default);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await Client.ListAsync(Apps, "default", null, default);
                return;
            }
            catch (ApiException ex) when (ex.Code == 404 && clock.Elapsed < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(20);
            }
        }
    }
}
