using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SuperKube.Client;
using SuperKube.DependencyInjection;

namespace SuperKube.Scheduling.Tests;

/// <summary>An in-process server (SQLite :memory:) with the scheduler running, driven through the API client.</summary>
internal sealed class SchedulerTestHost : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly IHost _host;

    private SchedulerTestHost(IHost host)
    {
        _host = host;
        Client = host.Services.GetRequiredService<IKubernetesClient>();
    }

    public IKubernetesClient Client { get; }

    public IServiceProvider Services => _host.Services;

    public static async Task<SchedulerTestHost> StartAsync(Action<ISuperKubeBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        var superKube = builder.Services.AddSuperKube()
            .AddSqliteStorage(o => o.Path = ":memory:")
            .AddScheduler(o =>
            {
                o.PodInitialBackoff = TimeSpan.FromMilliseconds(20);
                o.PodMaxBackoff = TimeSpan.FromMilliseconds(100);
            });
        configure?.Invoke(superKube);
        var host = builder.Build();
        await host.StartAsync();
        await host.Services.GetRequiredService<SchedulerService>().Started.WaitAsync(Timeout);
        return new SchedulerTestHost(host);
    }

    public Task<JsonObject> CreateAsync(ApiResource resource, string json) =>
        Client.CreateAsync(resource, resource == ApiResource.Nodes ? null : "default", JsonNode.Parse(json)!.AsObject(), default);

    public Task<JsonObject> NodeAsync(string name, string labels = "{}", string cpu = "2") => CreateAsync(ApiResource.Nodes, """
        {"apiVersion":"v1","kind":"Node","metadata":{"name":"NAME","labels":LABELS},
         "status":{"allocatable":{"cpu":"CPU","memory":"4Gi","pods":"110"}}}
        """.Replace("NAME", name, StringComparison.Ordinal).Replace("LABELS", labels, StringComparison.Ordinal).Replace("CPU", cpu, StringComparison.Ordinal));

    public Task<JsonObject> PodAsync(string name, string spec = "", string labels = "{}") => CreateAsync(ApiResource.Pods, """
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"NAME","labels":LABELS},
         "spec":{"containers":[{"name":"c","image":"busybox","resources":{"requests":{"cpu":"100m"}}}]SPEC}}
        """.Replace("NAME", name, StringComparison.Ordinal).Replace("LABELS", labels, StringComparison.Ordinal).Replace("SPEC", spec, StringComparison.Ordinal));

    public async Task<JsonObject> PodWhenAsync(string name, Func<JsonObject, bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var pod = await Client.GetAsync(ApiResource.Pods, "default", name, default);
            if (pod is not null && condition(pod))
            {
                return pod;
            }

            if (clock.Elapsed > Timeout)
            {
                throw new TimeoutException($"pod {name} did not reach the expected state: {pod?.ToJsonString()}");
            }

            await Task.Delay(10);
        }
    }

    public async Task<IReadOnlyList<JsonObject>> EventsAsync(string podName, string reason)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var list = await Client.ListAsync(ApiResource.Events, "default", null, default);
            var events = list.Items.Where(e => (string?)e["involvedObject"]?["name"] == podName && (string?)e["reason"] == reason).ToList();
            if (events.Count > 0 || clock.Elapsed > Timeout)
            {
                return events;
            }

            await Task.Delay(10);
        }
    }

    public static string? NodeName(JsonObject pod) => (string?)pod["spec"]?["nodeName"];

    public static JsonObject? Condition(JsonObject pod) =>
        (pod["status"]?["conditions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => (string?)c["type"] == "PodScheduled");

    public async ValueTask DisposeAsync() => await _host.StopAsync(); // not disposed: the watch cache cannot be disposed twice
}
