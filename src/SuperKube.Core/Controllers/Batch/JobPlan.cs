using SuperKube.Model.Batch;

namespace SuperKube.Controllers.Batch;

/// <summary>The outcome of one Job sync: pods to create (a completion index each, or -1 when not indexed), pods to delete, the new status and when to look again.</summary>
/// <param name="Create">One entry per pod to create: its completion index, or -1.</param>
/// <param name="Delete">Names of the pods to delete.</param>
/// <param name="Status">The job's new status.</param>
/// <param name="RequeueAfter">When the job must be looked at again without an event (back-off, deadline), or null.</param>
internal sealed record JobPlan(List<int> Create, List<string> Delete, JobStatus Status, TimeSpan? RequeueAfter);
