using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SuperKube.Client;
using SuperKube.Objects;
using SuperKube.Runtime.Diagnostics;

namespace SuperKube.Runtime.Agent;

/// <summary>
/// Writes core/v1 Events about pods as the kubelet does (source component <c>kubelet</c>, host = node). A repeat of
/// the same event bumps its count and lastTimestamp instead of creating another object. Failures are logged, never thrown.
/// </summary>
internal sealed partial class PodEventRecorder(IKubernetesClient client, string nodeName, TimeProvider time, ILogger logger)
{
    public const string Normal = "Normal";
    public const string Warning = "Warning";

    private readonly ConcurrentDictionary<string, (string Name, int Count)> _recent = new(StringComparer.Ordinal);
    private long _sequence;

    public async Task RecordAsync(JsonObject pod, string? fieldPath, string type, string reason, string message, CancellationToken cancellationToken)
    {
        var ns = ObjectMetadata.Namespace(pod);
        var uid = ObjectMetadata.Uid(pod);
        var key = $"{uid}/{fieldPath}/{reason}/{message}";
        var now = ObjectMetadata.Timestamp(time.GetUtcNow());
        try
        {
            if (_recent.TryGetValue(key, out var seen))
            {
                var count = seen.Count + 1;
                var patch = new JsonObject { ["count"] = count, ["lastTimestamp"] = now };
                await client.PatchAsync(ApiResource.Events, ns, seen.Name, PatchType.Merge, patch, "", cancellationToken).ConfigureAwait(false);
                _recent[key] = (seen.Name, count);
                return;
            }

            var name = $"{ObjectMetadata.Name(pod)}.{(time.GetUtcNow().UtcTicks + Interlocked.Increment(ref _sequence)).ToString("x", CultureInfo.InvariantCulture)}";
            var involved = new JsonObject
            {
                ["kind"] = "Pod",
                ["namespace"] = ns,
                ["name"] = ObjectMetadata.Name(pod),
                ["uid"] = uid,
                ["apiVersion"] = "v1",
                ["resourceVersion"] = ObjectMetadata.ResourceVersion(pod),
            };
            if (fieldPath is not null)
            {
                involved["fieldPath"] = fieldPath;
            }

            var e = new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Event",
                ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
                ["involvedObject"] = involved,
                ["reason"] = reason,
                ["message"] = message,
                ["source"] = new JsonObject { ["component"] = "kubelet", ["host"] = nodeName },
                ["firstTimestamp"] = now,
                ["lastTimestamp"] = now,
                ["count"] = 1,
                ["type"] = type,
                ["eventTime"] = null,
                ["reportingComponent"] = "kubelet",
                ["reportingInstance"] = nodeName,
            };
            await client.CreateAsync(ApiResource.Events, ns, e, cancellationToken).ConfigureAwait(false);
            _recent[key] = (name, 1);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.EventFailed(logger, reason, ns, ObjectMetadata.Name(pod), ex);
        }
    }

    /// <summary>Forgets the events of a pod that is gone.</summary>
    public void Forget(string podUid)
    {
        foreach (var key in _recent.Keys.Where(k => k.StartsWith(podUid + "/", StringComparison.Ordinal)))
        {
            _recent.TryRemove(key, out _);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(RuntimeEventIds.PodWorker + 1, LogLevel.Debug, "Could not record event {Reason} for pod {Namespace}/{Name}")]
        public static partial void EventFailed(ILogger logger, string reason, string @namespace, string name, Exception exception);
    }
}
