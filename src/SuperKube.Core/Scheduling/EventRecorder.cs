using Microsoft.Extensions.Logging;
using SuperKube.Client;
using SuperKube.Events;
using SuperKube.Scheduling.Framework;

namespace SuperKube.Scheduling;

/// <summary>
/// Writes core/v1 Events about pods as <c>default-scheduler</c> (FailedScheduling, Scheduled, Preempted) off the
/// scheduling loop, in order per pod, through an <see cref="EventWriter"/>: a repeat of the same reason and
/// message for the same pod bumps the count of the existing event instead.
/// </summary>
internal sealed class EventRecorder
{
    public const string Component = "default-scheduler";

    private readonly EventWriter _events;
    private readonly KeyedBatchWriter _writer;

    public EventRecorder(IKubernetesClient client, TimeProvider time, ILogger<EventRecorder> logger)
    {
        _events = new EventWriter(client, new EventSource(Component), time, logger);
        _writer = new KeyedBatchWriter(logger, "an event");
    }

    public Task RunAsync(CancellationToken cancellationToken) => _writer.RunAsync(cancellationToken);

    /// <summary>Queues an event about the pod; thread-safe.</summary>
    public void Record(PodInfo pod, string type, string reason, string action, string message)
    {
        var about = new InvolvedObject("v1", "Pod", pod.Namespace, pod.Name, pod.Pod.Metadata?.Uid, pod.Pod.Metadata?.ResourceVersion);
        _writer.Enqueue(pod.Uid, ct => _events.RecordAsync(about, type, reason, message, ct, action));
    }
}
