using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SuperKube.Client;
using SuperKube.Controllers;
using SuperKube.Model.Core;
using SuperKube.Storage.Sqlite;

namespace SuperKube.DependencyInjection.Tests;

public sealed class ControllerSuperKubeBuilderExtensionsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void AddBuiltInControllers_CalledTwice_RegistersEachControllerOnce()
    {
        var services = new ServiceCollection();

        new SuperKubeBuilder(services).AddBuiltInControllers().AddBuiltInControllers();

        Assert.Equal(["cronjob", "daemonset", "deployment", "disruption", "endpoints", "endpointslice", "endpointslice-mirroring", "event-ttl", "garbage-collector", "job", "namespace", "node-lifecycle", "replicaset", "resourcequota", "service-lb", "serviceaccount", "statefulset"], Names(services));
        Assert.Single(services, d => d.ImplementationType == typeof(ControllerManager));
    }

    [Fact]
    public void AddController_SameNameAsBuiltIn_ReplacesIt()
    {
        var services = new ServiceCollection();

        new SuperKubeBuilder(services).AddBuiltInControllers().AddController<ConfigMap, RecordingReconciler>(c => c.WithName("deployment"));

        Assert.Equal(["cronjob", "daemonset", "deployment", "disruption", "endpoints", "endpointslice", "endpointslice-mirroring", "event-ttl", "garbage-collector", "job", "namespace", "node-lifecycle", "replicaset", "resourcequota", "service-lb", "serviceaccount", "statefulset"], Names(services));
        Assert.Equal(17, services.Count(d => d.ServiceType == typeof(ControllerRegistration)));
    }

    [Fact]
    public void RemoveController_BuiltIn_RemovesOnlyThatOne()
    {
        var services = new ServiceCollection();

        new SuperKubeBuilder(services).AddBuiltInControllers().RemoveController("replicaset").RemoveController("garbage-collector");

        Assert.Equal(["cronjob", "daemonset", "deployment", "disruption", "endpoints", "endpointslice", "endpointslice-mirroring", "event-ttl", "job", "namespace", "node-lifecycle", "resourcequota", "service-lb", "serviceaccount", "statefulset"], Names(services));
    }

    [Fact]
    public void AddController_NoName_UsesKebabCaseOfTheReconcilerType()
    {
        var services = new ServiceCollection();

        new SuperKubeBuilder(services).AddController<ConfigMap, RecordingReconciler>();

        Assert.Equal(["recording"], Names(services));
    }

    [Fact]
    public void AddController_WithConcurrency_SetsTheNamedOptions()
    {
        var services = new ServiceCollection();
        new SuperKubeBuilder(services).AddController<ConfigMap, RecordingReconciler>(c => c.WithName("echo").WithConcurrency(7));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<ControllerOptions>>();

        Assert.Equal((7, 1), (options.Get("echo").Concurrency, options.Get("other").Concurrency));
    }

    [Fact]
    public async Task AddController_HostStarted_ReconcilesCreatedObjects()
    {
        var recorder = new RecordingReconciler();
        using var host = BuildHost(recorder, c => { });
        await host.StartAsync(Ct);
        var client = host.Services.GetRequiredService<IKubernetesClient>();

        await client.CreateAsync(ApiResource.ConfigMaps, "default", ConfigMap("settings"), Ct);

        Assert.Equal(new ReconcileRequest("default", "settings"), await recorder.NextAsync(r => r.Name == "settings"));
        await host.StopAsync(Ct);
    }

    [Fact]
    public async Task AddController_ReconcilerFails_RetriesUntilItSucceeds()
    {
        var recorder = new RecordingReconciler { FailuresLeft = 2 };
        using var host = BuildHost(recorder, c => { });
        await host.StartAsync(Ct);
        var client = host.Services.GetRequiredService<IKubernetesClient>();

        await client.CreateAsync(ApiResource.ConfigMaps, "default", ConfigMap("flaky"), Ct);
        for (var i = 0; i < 3; i++)
        {
            await recorder.NextAsync(r => r.Name == "flaky");
        }

        Assert.Equal(0, recorder.FailuresLeft);
        await host.StopAsync(Ct);
    }

    [Fact]
    public async Task AddController_OwnsChildKind_ReconcilesTheControllingOwner()
    {
        var recorder = new RecordingReconciler();
        using var host = BuildHost(recorder, c => c.Owns<Secret>());
        await host.StartAsync(Ct);
        var client = host.Services.GetRequiredService<IKubernetesClient>();
        var secret = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["name"] = "child",
                ["ownerReferences"] = JsonNode.Parse("""[{"apiVersion":"v1","kind":"ConfigMap","name":"parent","uid":"u1","controller":true}]"""),
            },
        };

        await client.CreateAsync(ApiResource.Secrets, "default", secret, Ct);

        Assert.Equal(new ReconcileRequest("default", "parent"), await recorder.NextAsync(r => r.Name == "parent"));
        await host.StopAsync(Ct);
    }

    private static IHost BuildHost(RecordingReconciler recorder, Action<ControllerBuilder<ConfigMap>> configure)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton(recorder);
        builder.Services.AddSuperKube().AddSqliteStorage(o => o.Path = SqliteStorageOptions.InMemory).AddController<ConfigMap, RecordingReconciler>(configure);
        return builder.Build();
    }

    private static JsonObject ConfigMap(string name) => new() { ["metadata"] = new JsonObject { ["name"] = name }, ["data"] = new JsonObject { ["a"] = "b" } };

    private static List<string> Names(IServiceCollection services) =>
        [.. services.Select(d => d.ImplementationInstance).OfType<ControllerRegistration>().Select(r => r.Name).Order()];

    /// <summary>Records every request; fails while <see cref="FailuresLeft"/> is above zero.</summary>
    private sealed class RecordingReconciler : IReconciler<ConfigMap>
    {
        private readonly Channel<ReconcileRequest> _requests = Channel.CreateUnbounded<ReconcileRequest>();

        public int FailuresLeft { get; set; }

        public Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
        {
            _requests.Writer.TryWrite(request);
            if (FailuresLeft > 0)
            {
                FailuresLeft--;
                throw new InvalidOperationException("not yet");
            }

            return Task.FromResult(ReconcileResult.Done);
        }

        public async Task<ReconcileRequest> NextAsync(Func<ReconcileRequest, bool> match)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            await foreach (var request in _requests.Reader.ReadAllAsync(timeout.Token))
            {
                if (match(request))
                {
                    return request;
                }
            }

            throw new InvalidOperationException("channel closed");
        }
    }
}
