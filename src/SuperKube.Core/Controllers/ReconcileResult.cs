namespace SuperKube.Controllers;

/// <summary>What to do after a reconcile: nothing, retry with backoff, or look again after a delay.</summary>
public readonly record struct ReconcileResult
{
    /// <summary>Finished; the request is reconciled again only when something changes.</summary>
    public static ReconcileResult Done => default;

    /// <summary>Retry with the request's exponential backoff.</summary>
    public bool Requeue { get; init; }

    /// <summary>Reconcile again after this delay (and reset the backoff); null for no timed requeue.</summary>
    public TimeSpan? RequeueAfter { get; init; }

    /// <summary>Reconcile again after <paramref name="delay"/>.</summary>
    public static ReconcileResult After(TimeSpan delay) => new() { RequeueAfter = delay };
}
