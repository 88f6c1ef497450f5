using System.Text.Json.Nodes;
using SuperKube.Model.Core;

namespace SuperKube.Controllers.Batch;

/// <summary>What a Job has counted, including the pods recorded in this sync but not yet moved into the counters.</summary>
/// <param name="Succeeded">Succeeded pods (completed indexes for an Indexed Job).</param>
/// <param name="Failed">Failed pods that count against backoffLimit.</param>
/// <param name="CompletedIndexes">The completed indexes of an Indexed Job (empty otherwise).</param>
/// <param name="Policy">The Job's pod failure policy, or null.</param>
/// <param name="Failures">The failed pods still present, counted or not (for FailJob rules and the back-off).</param>
internal sealed record JobCounts(int Succeeded, int Failed, HashSet<int> CompletedIndexes, JsonNode? Policy, List<Pod> Failures)
{
    /// <summary>True when only pods in the Failed phase count as failed, not those terminating (<see cref="JobPods.OnlyReplaceFailed"/>).</summary>
    public bool OnlyFailedPhase { get; init; }
}
