namespace SuperKube.WatchCache;

/// <summary>Options of the in-memory watch cache.</summary>
public sealed class WatchCacheOptions
{
    /// <summary>Events kept per resource for resuming watches. Default 10,000.</summary>
    public int HistoryPerResource { get; set; } = 10_000;

    /// <summary>How long a request waits for the cache to reach a revision before answering 504. Default 3 s.</summary>
    public TimeSpan RevisionWaitTimeout { get; set; } = TimeSpan.FromSeconds(3);
}
