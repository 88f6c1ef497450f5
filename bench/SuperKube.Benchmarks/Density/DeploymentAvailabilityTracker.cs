using System.Collections.Concurrent;
using System.Diagnostics;
using SuperKube.Client;
using SuperKube.Resources;

namespace SuperKube.Benchmarks.Density;

/// <summary>
/// Follows the benchmark namespace's Deployments through one watch and records, per Deployment, the time from
/// the moment its create was sent to the first event that shows it Available with every replica
/// (status.availableReplicas = spec.replicas at the current generation): the reconcile latency.
/// </summary>
internal sealed class DeploymentAvailabilityTracker(int expected)
{
    private readonly ConcurrentDictionary<string, long> _sent = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, double> _available = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _allAvailable = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task AllAvailable => _allAvailable.Task;

    public void Sent(string name) => _sent.TryAdd(name, Stopwatch.GetTimestamp());

    /// <summary>Create-to-Available latencies in milliseconds, sorted.</summary>
    public double[] Latencies() => [.. _available.Values.Order()];

    public async Task RunAsync(IKubernetesClient client, string ns, string resourceVersion, CancellationToken cancellationToken)
    {
        var options = new ListOptions { ResourceVersion = resourceVersion };
        await foreach (var e in client.WatchAsync(ApiResource.Deployments, ns, options, cancellationToken).ConfigureAwait(false))
        {
            var name = e.Object["metadata"]?["name"]?.GetValue<string>();
            var status = e.Object["status"];
            var replicas = e.Object["spec"]?["replicas"]?.GetValue<int>() ?? 1;
            var generation = e.Object["metadata"]?["generation"]?.GetValue<long>() ?? 0;
            if (name is null || status?["observedGeneration"]?.GetValue<long>() != generation
                || status["availableReplicas"]?.GetValue<int>() != replicas || !_sent.TryGetValue(name, out var sent)
                || !_available.TryAdd(name, Stopwatch.GetElapsedTime(sent).TotalMilliseconds))
            {
                continue;
            }

            if (_available.Count >= expected)
            {
                _allAvailable.TrySetResult();
            }
        }
    }
}
