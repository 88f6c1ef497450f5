using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SchedulerPlugin;
using SuperKube.Client;

// An in-memory control plane whose scheduler also runs PreferLabelledNodes, weighted over the built-in scores.
var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddSuperKube()
    .AddSqliteStorage(o => o.Path = ":memory:")
    .AddScheduler()
    .AddSchedulerPlugin<PreferLabelledNodes>()
    .ConfigureScheduler(o => o.Profiles["default-scheduler"].Weight(nameof(PreferLabelledNodes), 5));
using var host = builder.Build();
await host.StartAsync();

var client = host.Services.GetRequiredService<IKubernetesClient>();
foreach (var (name, preferred) in new[] { ("plain", "false"), ("fancy", "true") })
{
    await client.CreateAsync(ApiResource.Nodes, null, new JsonObject
    {
        ["apiVersion"] = "v1", ["kind"] = "Node",
        ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = new JsonObject { [PreferLabelledNodes.Label] = preferred } },
        ["status"] = JsonNode.Parse("""{"allocatable":{"cpu":"4","memory":"8Gi","pods":"110"}}"""),
    }, default);
}

await client.CreateAsync(ApiResource.Pods, "default", JsonNode.Parse("""
    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"demo"},"spec":{"containers":[{"name":"c","image":"busybox"}]}}
    """)!.AsObject(), default);

string? node = null;
for (var i = 0; i < 100 && node is null; i++, await Task.Delay(50))
{
    node = (string?)(await client.GetAsync(ApiResource.Pods, "default", "demo", default))?["spec"]?["nodeName"];
}

Console.WriteLine($"pod default/demo was scheduled to {node ?? "<nowhere>"}");
await host.StopAsync();
