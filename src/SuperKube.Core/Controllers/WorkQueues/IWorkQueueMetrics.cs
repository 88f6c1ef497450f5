namespace SuperKube.Controllers.WorkQueues;

/// <summary>Hooks a work queue calls so its depth, latency and retries can be measured.</summary>
internal interface IWorkQueueMetrics
{
    /// <summary>An item was queued (not counting duplicates).</summary>
    void Added();

    /// <summary>An item was handed to a worker after waiting <paramref name="queued"/>.</summary>
    void Dequeued(TimeSpan queued);

    /// <summary>An item was added rate-limited (a retry).</summary>
    void Retried();
}
