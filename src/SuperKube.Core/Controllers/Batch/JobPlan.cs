using SuperKube.Model.Batch;
using SuperKube.Model.Core;

namespace SuperKube.Controllers.Batch;

/// <summary>The outcome of one Job sync: pods to create (a completion index each, or -1 when not indexed), pods to delete, the new status and when to look again.</summary>
/// <param name="Create">One entry per pod to create: its completion index, or -1.</param>
/// <param name="Delete">Names of the pods to delete.</param>
/// <param name="Status">The job's new status, with the pods that finished recorded in uncountedTerminatedPods: written before any finalizer is removed.</param>
/// <param name="RequeueAfter">When the job must be looked at again without an event (back-off, deadline), or null.</param>
internal sealed record JobPlan(List<int> Create, List<string> Delete, JobStatus Status, TimeSpan? RequeueAfter)
{
    /// <summary>Pods whose tracking finalizer to remove once <see cref="Status"/> is written (before they are deleted).</summary>
    public List<Pod> Release { get; } = [];

    /// <summary>
    /// For a Job with <c>backoffLimitPerIndex</c>: the failure counts to annotate each created index's pod with
    /// (<see cref="JobPods.IndexFailureCount"/>, <see cref="JobPods.IndexIgnoredFailureCount"/>).
    /// </summary>
    public Dictionary<int, (int Failures, int Ignored)> FailureCounts { get; } = [];

    /// <summary>The terminal condition to add once nothing is left uncounted (see <see cref="JobTracking.Settle"/>), or null.</summary>
    public JobFinish? Finish { get; init; }
}
