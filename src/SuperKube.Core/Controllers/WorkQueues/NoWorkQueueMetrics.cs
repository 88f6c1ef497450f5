namespace SuperKube.Controllers.WorkQueues;

/// <summary>Metrics hooks that record nothing.</summary>
internal sealed class NoWorkQueueMetrics : IWorkQueueMetrics
{
    public static NoWorkQueueMetrics Instance { get; } = new();

    public void Added()
    {
    }

    public void Dequeued(TimeSpan queued)
    {
    }

    public void Retried()
    {
    }
}
