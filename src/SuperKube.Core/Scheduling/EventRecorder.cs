using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SuperKube.Api;
using SuperKube.Client;
using SuperKube.Objects;
using SuperKube.Scheduling.Framework;

namespace SuperKube.Scheduling;

/// <summary>
/// Writes core/v1 Events about pods as <c>default-scheduler</c> (FailedScheduling, Scheduled, Preempted). A repeat
/// of the same reason and message for the same pod bumps the count of the existing event instead.
/// </summary>
internal sealed class EventRecorder
{
    public const string Component = "default-scheduler";
    private const int MaxRemembered = 4096;

    private readonly IKubernetesClient _client;
    private readonly TimeProvider _time;
    private readonly KeyedBatchWriter _writer;
    private readonly Dictionary<(string Uid, string Reason, string Message), (string Name, int Count)> _seen = [];
    private long _sequence;

    public EventRecorder(IKubernetesClient client, TimeProvider time, ILogger<EventRecorder> logger)
    {
        _client = client;
        _time = time;
        _writer = new KeyedBatchWriter(logger, "an event");
    }

    public Task RunAsync(CancellationToken cancellationToken) => _writer.RunAsync(cancellationToken);

    /// <summary>Queues an event about the pod; thread-safe.</summary>
    public void Record(PodInfo pod, string type, string reason, string action, string message)
    {
        var now = ObjectMetadata.Timestamp(_time.GetUtcNow());
        string name;
        int count;
        lock (_seen)
        {
            if (_seen.Count >= MaxRemembered)
            {
                _seen.Clear();
            }

            var key = (pod.Uid, reason, message);
            (name, count) = _seen.TryGetValue(key, out var seen)
                ? (seen.Name, seen.Count + 1)
                : ($"{pod.Name}.{(_time.GetUtcNow().ToUnixTimeMilliseconds() * 1000) + (Interlocked.Increment(ref _sequence) % 1000):x}", 1);
            _seen[key] = (name, count);
        }

        var ns = pod.Namespace.Length > 0 ? pod.Namespace : "default";
        _writer.Enqueue(pod.Uid, async ct =>
        {
            if (count > 1)
            {
                var patch = new JsonObject { ["count"] = count, ["lastTimestamp"] = now };
                try
                {
                    await _client.PatchAsync(ApiResource.Events, ns, name, PatchType.Merge, patch, "", ct).ConfigureAwait(false);
                    return;
                }
                catch (ApiException ex) when (ex.Code == 404)
                {
                    // The first write was lost or the event expired: write it anew.
                }
            }

            await _client.CreateAsync(ApiResource.Events, ns, Event(pod, ns, name, type, reason, action, message, now, count), ct).ConfigureAwait(false);
        });
    }

    private static JsonObject Event(PodInfo pod, string ns, string name, string type, string reason, string action, string message, string now, int count) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Event",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
        ["involvedObject"] = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["namespace"] = pod.Namespace,
            ["name"] = pod.Name,
            ["uid"] = pod.Pod.Metadata?.Uid,
            ["resourceVersion"] = pod.Pod.Metadata?.ResourceVersion,
        },
        ["reason"] = reason,
        ["message"] = message,
        ["type"] = type,
        ["action"] = action,
        ["source"] = new JsonObject { ["component"] = Component },
        ["firstTimestamp"] = now,
        ["lastTimestamp"] = now,
        ["count"] = count,
        ["reportingComponent"] = Component,
        ["reportingInstance"] = Component,
    };
}
