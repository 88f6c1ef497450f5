using System.ComponentModel.DataAnnotations;

namespace SuperKube.Security.Limits;

/// <summary>
/// How many requests the API server serves at once (kube-apiserver's <c>--max-requests-inflight</c> and
/// <c>--max-mutating-requests-inflight</c>) and how many watches one user may hold open. Past a limit the answer is 429
/// TooManyRequests with <c>Retry-After: 1</c>. Long-running requests (watch, exec, attach, port-forward, logs, proxy) do
/// not count against the in-flight limits, and members of <c>system:masters</c> are never turned away.
/// </summary>
public sealed class RequestLimitsOptions
{
    /// <summary>Read-only requests (get, list, discovery) served at once; 0 means no limit. Default 400, as upstream.</summary>
    [Range(0, int.MaxValue)]
    public int MaxRequestsInFlight { get; set; } = 400;

    /// <summary>Mutating requests (create, update, patch, delete) served at once; 0 means no limit. Default 200, as upstream.</summary>
    [Range(0, int.MaxValue)]
    public int MaxMutatingRequestsInFlight { get; set; } = 200;

    /// <summary>Watches one user may hold open at once; 0 means no limit. Default 500.</summary>
    [Range(0, int.MaxValue)]
    public int MaxWatchesPerUser { get; set; } = 500;
}
