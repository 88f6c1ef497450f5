using SuperKube.Model.Batch;
using SuperKube.Model.Core;

namespace SuperKube.Controllers.Batch;

/// <summary>
/// Counting a Job's pods with the <see cref="JobPods.TrackingFinalizer"/> (KEP-2307, "job tracking without lingering
/// pods"). A pod that finished while carrying the finalizer is first recorded by UID in
/// <c>status.uncountedTerminatedPods</c> (an Indexed success goes straight into <c>completedIndexes</c>, the index being
/// enough to never count it twice); only then is its finalizer removed; a UID whose pod no longer carries the
/// finalizer (or is gone) then moves into <c>succeeded</c>/<c>failed</c>. Each step is a separate write, so a
/// controller that stops between any two of them counts every pod exactly once when it starts again, and pods can be
/// deleted (by a user or the pod garbage collector) as soon as they are counted.
/// </summary>
internal static class JobTracking
{
    /// <summary>
    /// Records in <paramref name="status"/> the finished pods that still carry the finalizer and are not recorded yet
    /// (failures the pod failure policy ignores are not counted, and <paramref name="held"/> pods are left for a later
    /// sync), and returns the counts the Job's decisions use.
    /// </summary>
    public static JobCounts Record(Job job, JobStatus status, IReadOnlyList<Pod> pods, Func<Pod, bool>? held = null)
    {
        var policy = PodFailurePolicy.Of(job);
        var onlyFailedPhase = JobPods.OnlyReplaceFailed(job);
        var uncounted = status.UncountedTerminatedPods ??= new UncountedTerminatedPods();
        var succeededUids = uncounted.Succeeded ??= [];
        var failedUids = uncounted.Failed ??= [];
        var indexed = JobPods.IsIndexed(job);
        var done = indexed ? CompletedIndexes(job, status, pods) : [];
        foreach (var pod in pods.Where(p => JobPods.IsTracked(p) && Countable(job, p) && !IsRecorded(status, p) && held?.Invoke(p) != true))
        {
            if (JobPods.Succeeded(pod))
            {
                if (!indexed)
                {
                    succeededUids.Add(JobPods.Uid(pod));
                }
            }
            else if (JobPods.ConsideredFailed(pod, onlyFailedPhase) && PodFailurePolicy.Evaluate(policy, pod) != "Ignore")
            {
                failedUids.Add(JobPods.Uid(pod));
            }
        }

        if (indexed)
        {
            status.CompletedIndexes = JobPods.FormatIndexes(done);
            status.Succeeded = done.Count;
        }

        var counts = new JobCounts(
            indexed ? done.Count : (status.Succeeded ?? 0) + succeededUids.Count,
            (status.Failed ?? 0) + failedUids.Count,
            done,
            policy,
            [.. pods.Where(p => JobPods.ConsideredFailed(p, onlyFailedPhase))])
        {
            OnlyFailedPhase = onlyFailedPhase,
        };
        DropEmptyLists(uncounted);
        return counts;
    }

    /// <summary>
    /// The completed indexes of an Indexed Job: those in <c>status.completedIndexes</c> plus those of succeeded pods
    /// still carrying the finalizer (the index is enough to never count a success twice).
    /// </summary>
    public static HashSet<int> CompletedIndexes(Job job, JobStatus status, IReadOnlyList<Pod> pods)
    {
        var done = JobPods.ParseIndexes(status.CompletedIndexes, job.Spec?.Completions ?? 0);
        done.UnionWith(pods.Where(p => JobPods.IsTracked(p) && JobPods.Succeeded(p) && Countable(job, p)).Select(JobPods.Index));
        return done;
    }

    /// <summary>
    /// Records as failed the tracked pods that have not succeeded: when a Job fails, its pods still running fail with
    /// it (they are deleted), as upstream counts them.
    /// </summary>
    public static void RecordFailing(Job job, JobStatus status, IEnumerable<Pod> pods)
    {
        var uncounted = status.UncountedTerminatedPods ??= new UncountedTerminatedPods();
        var failedUids = uncounted.Failed ??= [];
        foreach (var pod in pods.Where(p => JobPods.IsTracked(p) && !JobPods.Succeeded(p) && Countable(job, p) && !IsRecorded(status, p)))
        {
            failedUids.Add(JobPods.Uid(pod));
        }

        DropEmptyLists(uncounted);
    }

    /// <summary>True when the pod's finalizer may go in a running Job: it finished (succeeded, or failed as the Job sees it).</summary>
    public static bool Releasable(Pod pod, JobCounts counts) =>
        JobPods.IsTracked(pod) && (JobPods.Succeeded(pod) || JobPods.ConsideredFailed(pod, counts.OnlyFailedPhase));

    /// <summary>
    /// The last step of a sync, after the finalizers were removed: moves the recorded UIDs whose pods no longer carry
    /// the finalizer (<paramref name="stillTracked"/> holds the UIDs of those that do) into the counters, then, once
    /// nothing is left uncounted and no pod is terminating any more, adds the Job's terminal condition
    /// (<paramref name="finish"/>, if the sync decided one), as Kubernetes 1.32 does.
    /// </summary>
    public static void Settle(JobStatus status, JobFinish? finish, IReadOnlySet<string> stillTracked, DateTimeOffset now)
    {
        if (status.UncountedTerminatedPods is { } uncounted)
        {
            status.Succeeded = (status.Succeeded ?? 0) + MoveCounted(uncounted.Succeeded, stillTracked);
            status.Failed = (status.Failed ?? 0) + MoveCounted(uncounted.Failed, stillTracked);
            DropEmptyLists(uncounted);
            if (uncounted.Succeeded is not null || uncounted.Failed is not null)
            {
                return;
            }
        }

        if (finish is not null && (status.Terminating ?? 0) == 0)
        {
            JobConditions.Set(status, finish.Type, "True", finish.Reason, finish.Message, now);
            if (finish.Type == "Complete")
            {
                status.CompletionTime = now;
            }
        }
    }

    /// <summary>Removes from <paramref name="uids"/> those not in <paramref name="stillTracked"/>; returns how many.</summary>
    private static int MoveCounted(IList<string>? uids, IReadOnlySet<string> stillTracked)
    {
        if (uids is null)
        {
            return 0;
        }

        var counted = uids.Where(uid => !stillTracked.Contains(uid)).ToList();
        foreach (var uid in counted)
        {
            uids.Remove(uid);
        }

        return counted.Count;
    }

    /// <summary>Empty UID lists are left out, as Kubernetes shows them (<c>uncountedTerminatedPods: {}</c>).</summary>
    private static void DropEmptyLists(UncountedTerminatedPods uncounted)
    {
        if (uncounted.Succeeded?.Count == 0)
        {
            uncounted.Succeeded = null;
        }

        if (uncounted.Failed?.Count == 0)
        {
            uncounted.Failed = null;
        }
    }

    private static bool IsRecorded(JobStatus status, Pod pod) =>
        status.UncountedTerminatedPods?.Succeeded?.Contains(JobPods.Uid(pod)) == true
        || status.UncountedTerminatedPods?.Failed?.Contains(JobPods.Uid(pod)) == true;

    /// <summary>An Indexed Job counts only pods with an index below completions; other pods are let go uncounted.</summary>
    private static bool Countable(Job job, Pod pod) =>
        !JobPods.IsIndexed(job) || (JobPods.Index(pod) is var index && index >= 0 && index < (job.Spec?.Completions ?? 0));
}
