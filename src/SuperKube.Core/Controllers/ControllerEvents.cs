using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SuperKube.Client;
using SuperKube.Model.Meta;
using SuperKube.Objects;

namespace SuperKube.Controllers;

/// <summary>
/// Writes core/v1 Events on behalf of controllers (what <c>kubectl describe</c> lists under Events, such as a
/// ReplicaSet's SuccessfulCreate or a node's NodeNotReady). Best effort: a failed write is logged, never thrown.
/// </summary>
internal sealed partial class ControllerEvents(IKubernetesClient client, TimeProvider time, ILogger<ControllerEvents> logger)
{
    public const string Normal = "Normal";
    public const string Warning = "Warning";

    private long _sequence;

    /// <summary>Records an event from <paramref name="component"/> about the object with this apiVersion, kind and metadata.</summary>
    public async Task RecordAsync(
        string component, string apiVersion, string kind, ObjectMeta? about, string type, string reason, string message, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var stamp = ObjectMetadata.Timestamp(now);
        var name = about?.Name ?? "";
        var ns = about?.Namespace is { Length: > 0 } own ? own : "default";
        var suffix = (now.UtcTicks + Interlocked.Increment(ref _sequence)).ToString("x", CultureInfo.InvariantCulture);
        var e = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Event",
            ["metadata"] = new JsonObject { ["name"] = $"{name}.{suffix}", ["namespace"] = ns },
            ["involvedObject"] = new JsonObject
            {
                ["apiVersion"] = apiVersion,
                ["kind"] = kind,
                ["namespace"] = about?.Namespace,
                ["name"] = name,
                ["uid"] = about?.Uid,
                ["resourceVersion"] = about?.ResourceVersion,
            },
            ["reason"] = reason,
            ["message"] = message,
            ["type"] = type,
            ["source"] = new JsonObject { ["component"] = component },
            ["firstTimestamp"] = stamp,
            ["lastTimestamp"] = stamp,
            ["count"] = 1,
            ["reportingComponent"] = component,
            ["reportingInstance"] = component,
        };
        try
        {
            await client.CreateAsync(ApiResource.Events, ns, e, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.Failed(logger, reason, kind, name, ex);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(LogLevel.Debug, "Could not record event {Reason} for {Kind} {Name}")]
        public static partial void Failed(ILogger logger, string reason, string kind, string name, Exception exception);
    }
}
