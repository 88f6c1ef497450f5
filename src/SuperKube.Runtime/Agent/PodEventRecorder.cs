using Microsoft.Extensions.Logging;
using SuperKube.Client;
using SuperKube.Events;

namespace SuperKube.Runtime.Agent;

/// <summary>
/// Writes core/v1 Events about pods as the kubelet does (source component <c>kubelet</c>, host = node), through an
/// <see cref="EventWriter"/>: a repeat of the same event bumps its count and lastTimestamp. Failures are logged, never thrown.
/// </summary>
internal sealed class PodEventRecorder(IKubernetesClient client, string nodeName, TimeProvider time, ILogger logger)
{
    public const string Normal = EventWriter.Normal;
    public const string Warning = EventWriter.Warning;

    private readonly EventWriter _writer = new(client, new EventSource("kubelet", nodeName), time, logger);

    public Task RecordAsync(PodSnapshot pod, string? fieldPath, string type, string reason, string message, CancellationToken cancellationToken) =>
        _writer.RecordAsync(pod.About(fieldPath), type, reason, message, cancellationToken);

    /// <summary>Forgets the events of a pod that is gone.</summary>
    public void Forget(string podUid) => _writer.Forget(podUid);
}
