using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using SuperKube.Client;
using SuperKube.Runtime.Tests;

namespace SuperKube.Runtime.Agent.Tests;

public sealed class ResourceWatchLoopTests : IAsyncLifetime
{
    private TestCluster _cluster = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _cluster = await TestCluster.StartAsync();

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task RunAsync_HandlerThrows_LoopRelistsAndKeepsDelivering()
    {
        var lists = 0;
        var seen = new ConcurrentDictionary<string, bool>();
        var thrown = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var loop = ResourceWatchLoop.RunAsync(_cluster.Client, ApiResource.ConfigMaps, "",
            items =>
            {
                Interlocked.Increment(ref lists);
                foreach (var item in items)
                {
                    seen[(string)item["metadata"]!["name"]!] = true;
                }
            },
            e =>
            {
                var name = (string)e.Object["metadata"]!["name"]!;
                if (name == "boom" && Interlocked.Exchange(ref thrown, 1) == 0)
                {
                    throw new InvalidOperationException("handler failed");
                }

                seen[name] = true;
            },
            TimeProvider.System, NullLogger.Instance, stop.Token);

        await Poll(() => Volatile.Read(ref lists) == 1);
        await _cluster.Client.CreateAsync(ApiResource.ConfigMaps, "default", ConfigMap("boom"), Ct);
        await Poll(() => Volatile.Read(ref thrown) == 1);
        await _cluster.Client.CreateAsync(ApiResource.ConfigMaps, "default", ConfigMap("after"), Ct);

        await Poll(() => seen.ContainsKey("boom") && seen.ContainsKey("after"));
        Assert.True(Volatile.Read(ref lists) >= 2);
        Assert.False(loop.IsCompleted);
        await stop.CancelAsync();
        await loop.WaitAsync(TimeSpan.FromSeconds(10), Ct);
    }

    private static JsonObject ConfigMap(string name) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default" },
    };

    private static async Task Poll(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in 20 s");
            await Task.Delay(20, Ct);
        }
    }
}
