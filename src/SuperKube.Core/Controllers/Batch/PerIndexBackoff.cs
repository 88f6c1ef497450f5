using System.Globalization;
using System.Text.Json.Nodes;
using SuperKube.Model.Batch;
using SuperKube.Model.Core;

namespace SuperKube.Controllers.Batch;

/// <summary>
/// <c>backoffLimitPerIndex</c> of an Indexed Job (KEP-3850): each index has its own failure budget and back-off. A pod
/// carries the failures of its index before it in the <see cref="JobPods.IndexFailureCount"/> annotation (and those the
/// pod failure policy ignored in <see cref="JobPods.IndexIgnoredFailureCount"/>); its replacement gets them plus its
/// own failure. An index fails when a pod of it fails with a count already at the limit, or matches a
/// <c>FailIndex</c> rule; it is then listed in <c>status.failedIndexes</c> and never run again. The last failed pod of
/// an index waiting for its replacement keeps its tracking finalizer, so the counts are not lost if it is deleted.
/// </summary>
internal static class PerIndexBackoff
{
    /// <summary>True for an Indexed Job with <c>backoffLimitPerIndex</c>.</summary>
    public static bool Applies(Job job) => JobPods.IsIndexed(job) && job.Spec?.BackoffLimitPerIndex is not null;

    /// <summary>
    /// The failed indexes (those in <c>status.failedIndexes</c> plus those a finished, still tracked pod fails now)
    /// and, per index still to run, the last failed pod awaiting its replacement.
    /// </summary>
    public static IndexFailures Evaluate(Job job, JobStatus status, IReadOnlyList<Pod> pods, ISet<int> completed, JsonNode? policy, bool onlyFailedPhase)
    {
        var completions = job.Spec?.Completions ?? 0;
        var failed = JobPods.ParseIndexes(status.FailedIndexes, completions);
        var limit = job.Spec?.BackoffLimitPerIndex ?? 0;
        var finished = pods.Where(p => JobPods.IsTracked(p) && JobPods.ConsideredFailed(p, onlyFailedPhase) && JobPods.Index(p) is var i && i >= 0 && i < completions).ToList();
        foreach (var pod in finished.Where(p => FailsIndex(p, policy, limit)))
        {
            failed.Add(JobPods.Index(pod));
        }

        var active = pods.Where(JobPods.Active).Select(JobPods.Index).ToHashSet();
        var awaiting = new Dictionary<int, Pod>();
        foreach (var pod in finished)
        {
            var index = JobPods.Index(pod);
            if (completed.Contains(index) || failed.Contains(index) || active.Contains(index))
            {
                continue;
            }

            if (!awaiting.TryGetValue(index, out var last)
                || (TotalFailures(last) <= TotalFailures(pod) && JobPods.FinishedAt(pod) >= JobPods.FinishedAt(last)))
            {
                awaiting[index] = pod;
            }
        }

        return new IndexFailures(failed, awaiting);
    }

    /// <summary>
    /// The annotations of the next pod of an index: the counts of <paramref name="replaced"/> (the index's last failed
    /// pod, or null for the first pod) plus its own failure, counted or ignored as the pod failure policy says.
    /// </summary>
    public static (int Failures, int Ignored) NextCounts(JsonNode? policy, Pod? replaced)
    {
        if (replaced is null)
        {
            return (0, 0);
        }

        var failures = Count(replaced, JobPods.IndexFailureCount);
        var ignored = Count(replaced, JobPods.IndexIgnoredFailureCount);
        return PodFailurePolicy.Evaluate(policy, replaced) == "Ignore" ? (failures, ignored + 1) : (failures + 1, ignored);
    }

    /// <summary>How long the index of <paramref name="lastFailed"/> must still wait before its next pod (zero when none failed).</summary>
    public static TimeSpan Remaining(Pod? lastFailed, DateTimeOffset now, JobControllerOptions options)
    {
        if (lastFailed is null || JobPods.FinishedAt(lastFailed) is not { } finishedAt)
        {
            return TimeSpan.Zero;
        }

        var remaining = finishedAt + JobPods.Backoff(TotalFailures(lastFailed) + 1, options.BackoffBase, options.BackoffMax) - now;
        return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
    }

    /// <summary>True when the failure of <paramref name="pod"/> fails its index: a FailIndex rule, or a counted failure beyond the limit.</summary>
    private static bool FailsIndex(Pod pod, JsonNode? policy, int limit) => PodFailurePolicy.Evaluate(policy, pod) switch
    {
        "FailIndex" => true,
        "Ignore" => false,
        _ => Count(pod, JobPods.IndexFailureCount) >= limit,
    };

    private static int TotalFailures(Pod pod) => Count(pod, JobPods.IndexFailureCount) + Count(pod, JobPods.IndexIgnoredFailureCount);

    /// <summary>An annotation's count; absent, malformed or negative values count as 0, as upstream.</summary>
    private static int Count(Pod pod, string annotation) =>
        pod.Metadata?.Annotations?.TryGetValue(annotation, out var text) == true
        && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
}
