using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SuperKube.Client;
using SuperKube.Resources;

namespace SuperKube.IntegrationTests.Controllers;

/// <summary>
/// Watches the pods of a namespace and, after every event, counts those that are Ready and not being deleted;
/// remembers the lowest count seen since <see cref="StartMeasuring"/>.
/// </summary>
internal sealed class ReadyPodSampler : IAsyncDisposable
{
    private readonly Dictionary<string, bool> _ready = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Lock _lock = new();
    private readonly System.Threading.Channels.Channel<bool> _changed = System.Threading.Channels.Channel.CreateUnbounded<bool>();
    private bool _measuring;

    public ReadyPodSampler(IServiceProvider services, string ns)
    {
        var client = services.GetRequiredService<IKubernetesClient>();
        _loop = Task.Run(() => RunAsync(client, ns, _stop.Token));
    }

    public int Lowest { get; private set; } = int.MaxValue;

    public int Events { get; private set; }

    public void StartMeasuring()
    {
        lock (_lock)
        {
            _measuring = true;
            Lowest = Count();
        }
    }

    /// <summary>Waits until exactly <paramref name="count"/> pods are ready and none other exists.</summary>
    public async Task WaitForReadyAsync(int count, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            lock (_lock)
            {
                if (_ready.Count == count && Count() == count)
                {
                    return;
                }
            }

            try
            {
                await _changed.Reader.ReadAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                lock (_lock)
                {
                    throw new TimeoutException($"expected {count} ready pods, have {Count()} ready of {_ready.Count}");
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task RunAsync(IKubernetesClient client, string ns, CancellationToken cancellationToken)
    {
        await foreach (var change in client.WatchAsync(ApiResource.Pods, ns, new ListOptions(), cancellationToken))
        {
            var name = (string)change.Object["metadata"]!["name"]!;
            lock (_lock)
            {
                if (change.Type == "DELETED")
                {
                    _ready.Remove(name);
                }
                else
                {
                    _ready[name] = change.Object["metadata"]?["deletionTimestamp"] is null && IsReady(change.Object);
                }

                if (_measuring)
                {
                    Events++;
                    Lowest = Math.Min(Lowest, Count());
                }
            }

            _changed.Writer.TryWrite(true);
        }
    }

    private int Count() => _ready.Values.Count(r => r);

    private static bool IsReady(JsonObject pod) =>
        pod["status"]?["conditions"] is JsonArray conditions
        && conditions.Any(c => (string?)c?["type"] == "Ready" && (string?)c?["status"] == "True");
}
