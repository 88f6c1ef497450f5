using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using SuperKube.Client;
using SuperKube.Events;
using SuperKube.Model.Meta;

namespace SuperKube.Controllers;

/// <summary>
/// Writes core/v1 Events on behalf of controllers (what <c>kubectl describe</c> lists under Events, such as a
/// ReplicaSet's SuccessfulCreate or a node's NodeNotReady), one <see cref="EventWriter"/> per component, so a
/// repeated event is counted on the existing object. Best effort: a failed write is logged, never thrown.
/// </summary>
internal sealed class ControllerEvents(IKubernetesClient client, TimeProvider time, ILogger<ControllerEvents> logger)
{
    public const string Normal = EventWriter.Normal;
    public const string Warning = EventWriter.Warning;

    private readonly ConcurrentDictionary<string, EventWriter> _writers = new(StringComparer.Ordinal);

    /// <summary>Records an event from <paramref name="component"/> about the object with this apiVersion, kind and metadata.</summary>
    public Task RecordAsync(
        string component, string apiVersion, string kind, ObjectMeta? about, string type, string reason, string message, CancellationToken cancellationToken)
    {
        var writer = _writers.GetOrAdd(component, c => new EventWriter(client, new EventSource(c), time, logger));
        var involved = new InvolvedObject(apiVersion, kind, about?.Namespace ?? "", about?.Name ?? "", about?.Uid, about?.ResourceVersion);
        return writer.RecordAsync(involved, type, reason, message, cancellationToken);
    }
}
