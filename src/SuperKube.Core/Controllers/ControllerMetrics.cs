using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using SuperKube.Controllers.WorkQueues;
using SuperKube.Diagnostics;

namespace SuperKube.Controllers;

/// <summary>
/// Controller instruments on the SuperKube.Core meter, tagged with the controller name: queue depth, adds, time in
/// queue, retries, and reconcile duration by result.
/// </summary>
internal sealed class ControllerMetrics
{
    private const string ControllerTag = "controller";

    private readonly ConcurrentDictionary<string, Func<int>> _depths = new(StringComparer.Ordinal);
    private readonly Counter<long> _adds;
    private readonly Counter<long> _retries;
    private readonly Histogram<double> _queueDuration;
    private readonly Histogram<double> _reconcileDuration;

    public ControllerMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(SuperKubeDiagnostics.MeterName);
        meter.CreateObservableGauge(
            "superkube.controller.queue.depth",
            () => _depths.Select(d => new Measurement<int>(d.Value(), new KeyValuePair<string, object?>(ControllerTag, d.Key))),
            "{item}",
            "Requests waiting in a controller's work queue.");
        _adds = meter.CreateCounter<long>("superkube.controller.queue.adds", "{item}", "Requests added to a controller's work queue.");
        _retries = meter.CreateCounter<long>("superkube.controller.queue.retries", "{item}", "Requests re-queued with backoff after a failure.");
        _queueDuration = meter.CreateHistogram<double>("superkube.controller.queue.duration", "s", "Time requests waited in the queue.");
        _reconcileDuration = meter.CreateHistogram<double>("superkube.controller.reconcile.duration", "s", "Time spent reconciling, by result.");
    }

    /// <summary>The work-queue hooks of one controller; its depth is read from <paramref name="depth"/> until disposed.</summary>
    public QueueMetrics ForQueue(string controller, Func<int> depth)
    {
        _depths[controller] = depth;
        return new QueueMetrics(this, controller);
    }

    public void Reconciled(string controller, string result, TimeSpan duration) =>
        _reconcileDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>(ControllerTag, controller), new KeyValuePair<string, object?>("result", result));

    internal sealed class QueueMetrics(ControllerMetrics owner, string controller) : IWorkQueueMetrics, IDisposable
    {
        private readonly KeyValuePair<string, object?> _tag = new(ControllerTag, controller);

        public void Added() => owner._adds.Add(1, _tag);

        public void Dequeued(TimeSpan queued) => owner._queueDuration.Record(queued.TotalSeconds, _tag);

        public void Retried() => owner._retries.Add(1, _tag);

        public void Dispose() => owner._depths.TryRemove(controller, out _);
    }
}
