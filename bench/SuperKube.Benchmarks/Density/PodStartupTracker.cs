using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using SuperKube.Client;
using SuperKube.Model.Core;
using SuperKube.Resources;

namespace SuperKube.Benchmarks.Density;

/// <summary>
/// Follows the benchmark namespace's pods through one watch: a pod's startup latency runs from the watch event
/// that first shows it (its creation) to the first event that shows it Running, as the Kubernetes pod startup SLI
/// is measured. Calls <c>onRunning</c> with the running count after every pod that gets there.
/// </summary>
internal sealed class PodStartupTracker(int expected, Action<int> onRunning)
{
    private readonly ConcurrentDictionary<string, long> _created = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, double> _startup = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _bound = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _allRunning = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastRunning;
    private long _lastBound;

    public Task AllRunning => _allRunning.Task;

    public int Created => _created.Count;

    /// <summary>When the last pod was seen Running (a <see cref="Stopwatch"/> timestamp).</summary>
    public long LastRunning => Interlocked.Read(ref _lastRunning);

    /// <summary>When the last pod was first seen bound to a node (a <see cref="Stopwatch"/> timestamp).</summary>
    public long LastBound => Interlocked.Read(ref _lastBound);

    /// <summary>Startup latencies in milliseconds, sorted.</summary>
    public double[] Latencies() => [.. _startup.Values.Order()];

    public async Task RunAsync(IKubernetesClient client, string ns, string resourceVersion, CancellationToken cancellationToken)
    {
        var options = new ListOptions { ResourceVersion = resourceVersion };
        await foreach (var e in client.WatchAsync(ApiResource.Pods, ns, options, cancellationToken).ConfigureAwait(false))
        {
            Observe(e);
        }
    }

    private void Observe(WatchEvent e)
    {
        if (e.Type is not ("ADDED" or "MODIFIED") || e.SharedModel<Pod>() is not { Metadata.Uid: { } uid } pod) // the model in-process watchers share, as informers do
        {
            return;
        }

        var now = Stopwatch.GetTimestamp();
        var created = _created.GetOrAdd(uid, now);
        if (pod.Spec?.NodeName is { Length: > 0 } && _bound.TryAdd(uid, true))
        {
            Interlocked.Exchange(ref _lastBound, now);
        }

        if (pod.Status?.Phase != "Running" || !_startup.TryAdd(uid, Stopwatch.GetElapsedTime(created, now).TotalMilliseconds))
        {
            return;
        }

        Interlocked.Exchange(ref _lastRunning, now);
        var running = _startup.Count;
        onRunning(running);
        if (running >= expected)
        {
            _allRunning.TrySetResult();
        }
    }

    public static JsonObject Namespace(string name) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Namespace",
        ["metadata"] = new JsonObject { ["name"] = name },
    };
}
