namespace SuperKube.WatchCache;

/// <summary>Options of the in-memory watch cache.</summary>
public sealed class WatchCacheOptions
{
    /// <summary>Events kept per resource for resuming watches. Default 10,000.</summary>
    public int HistoryPerResource { get; set; } = 10_000;

    /// <summary>
    /// Storage keys of resources whose current objects the cache does not hold: GET and LIST read them from the store,
    /// and watches get their initial objects from the store and their events from the cache's history window. By
    /// default Events (<c>/events</c>), as Kubernetes keeps no watch cache for them: they are many, large in total,
    /// written once and rarely read.
    /// </summary>
    public ISet<string> StoreOnlyResources { get; } = new HashSet<string>(StringComparer.Ordinal) { "/events" };

    /// <summary>How long a request waits for the cache to reach a revision before answering 504. Default 3 s.</summary>
    public TimeSpan RevisionWaitTimeout { get; set; } = TimeSpan.FromSeconds(3);
}
