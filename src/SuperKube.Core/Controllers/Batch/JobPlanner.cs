using SuperKube.Model.Batch;
using SuperKube.Model.Core;

namespace SuperKube.Controllers.Batch;

/// <summary>
/// The decisions of a Job sync (upstream job_controller) as a pure function of the job, its pods and the time:
/// suspension, failure (backoffLimit counted through the pod failure policy, activeDeadlineSeconds, FailJob rules),
/// success (completions, or the first success when completions is unset; every index when Indexed), and otherwise
/// how many pods to add or remove to reach parallelism, waiting out the exponential back-off after failures (per index
/// with <c>backoffLimitPerIndex</c>, see <see cref="PerIndexBackoff"/>), and, with <c>podReplacementPolicy: Failed</c>,
/// replacing a terminating pod only once it has failed.
/// Finished pods are counted through the tracking finalizer (<see cref="JobTracking"/>): the plan records them and
/// names the pods to let go; the terminal condition is only added once they are all counted.
/// </summary>
internal static class JobPlanner
{
    public static JobPlan Plan(Job job, IReadOnlyList<Pod> pods, DateTimeOffset now, JobControllerOptions options)
    {
        var plan = Decide(job, pods, now, options);
        // Pods deleted by this sync are terminating from now on: the terminal condition waits for them.
        plan.Status.Terminating = (plan.Status.Terminating ?? 0) + plan.Delete.Count;
        return plan;
    }

    private static JobPlan Decide(Job job, IReadOnlyList<Pod> pods, DateTimeOffset now, JobControllerOptions options)
    {
        var spec = job.Spec;
        var status = job.Status is null ? new JobStatus() : Controllers.ModelJson.Clone(job.Status);
        var plan = new JobPlan([], [], status, null);
        var active = pods.Where(JobPods.Active).ToList();
        status.Active = active.Count;
        status.Ready = active.Count(p => p.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true);
        status.Terminating = pods.Count(JobPods.Terminating);
        if (JobConditions.IsFinished(job.Status))
        {
            // Counted for good: what is left is stopped and let go uncounted.
            plan.Delete.AddRange(active.Select(Name));
            plan.Release.AddRange(pods.Where(JobPods.IsTracked));
            return plan;
        }

        var indexes = PerIndexBackoff.Applies(job)
            ? PerIndexBackoff.Evaluate(job, status, pods, JobTracking.CompletedIndexes(job, status, pods), PodFailurePolicy.Of(job), JobPods.OnlyReplaceFailed(job))
            : null;
        var counts = JobTracking.Record(job, status, pods, indexes is null ? null : indexes.IsAwaitingReplacement);
        if (indexes is not null)
        {
            status.FailedIndexes = JobPods.FormatIndexes(indexes.Failed);
        }

        plan.Release.AddRange(pods.Where(p => JobTracking.Releasable(p, counts) && indexes?.IsAwaitingReplacement(p) != true));
        if (spec?.Suspend == true)
        {
            // Stopped for the suspension, not failed: let go before the delete so they are never counted.
            StopActive(plan, active);
            JobConditions.Set(status, "Suspended", "True", "JobSuspended", "Job suspended", now);
            status.StartTime = null;
            return plan;
        }

        if (JobConditions.IsTrue(status, "Suspended"))
        {
            JobConditions.Set(status, "Suspended", "False", "JobResumed", "Job resumed", now);
        }

        status.StartTime ??= now;
        if (Failure(job, status, counts, indexes, now) is { } failure)
        {
            JobTracking.RecordFailing(job, status, pods);
            plan.Delete.AddRange(active.Select(Name));
            plan.Release.AddRange(pods.Where(p => JobPods.IsTracked(p) && !plan.Release.Contains(p)));
            JobConditions.Set(status, "FailureTarget", "True", failure.Reason, failure.Message, now);
            return plan with { Finish = failure };
        }

        var completions = spec?.Completions;
        var complete = JobConditions.IsTrue(status, "SuccessCriteriaMet")
            || (completions is { } wanted ? counts.Succeeded >= wanted : counts.Succeeded > 0 && active.Count == 0);
        if (complete)
        {
            StopActive(plan, active);
            const string Message = "Reached expected number of succeeded pods";
            JobConditions.Set(status, "SuccessCriteriaMet", "True", "CompletionsReached", Message, now);
            return plan with { Finish = new JobFinish("Complete", "CompletionsReached", Message) };
        }

        var parallelism = spec?.Parallelism ?? 1;
        var want = completions is { } c ? Math.Min(parallelism, c - counts.Succeeded) : (counts.Succeeded > 0 ? 0 : parallelism);
        if (active.Count > want)
        {
            StopActive(plan, [.. active.OrderByDescending(p => p.Metadata?.CreationTimestamp).Take(active.Count - want)]);
            return plan;
        }

        var deadline = Deadline(job, status);
        // With podReplacementPolicy Failed a terminating pod is replaced only once it has failed.
        var terminating = counts.OnlyFailedPhase ? pods.Where(JobPods.Terminating).ToList() : [];
        var missing = want - active.Count - terminating.Count;
        if (indexes is null)
        {
            var counted = counts.Failures.Where(p => PodFailurePolicy.Evaluate(counts.Policy, p) != "Ignore").ToList();
            // The back-off runs from the last failure still to be seen; once those pods are gone it is over.
            var wait = counted.Select(JobPods.FinishedAt).Max() is { } last
                ? last + JobPods.Backoff(counts.Failed, options.BackoffBase, options.BackoffMax) - now
                : TimeSpan.Zero;
            if (missing > 0 && wait > TimeSpan.Zero)
            {
                return plan with { RequeueAfter = Min(wait, deadline - now) };
            }
        }

        if (JobPods.IsIndexed(job))
        {
            var busy = active.Concat(terminating).Select(JobPods.Index).Concat(counts.CompletedIndexes).Concat(indexes?.Failed ?? []).ToHashSet();
            var pending = Enumerable.Range(0, completions ?? 0).Where(i => !busy.Contains(i)).Take(Math.Max(0, missing)).ToList();
            if (indexes is not null)
            {
                return CreateAfterIndexBackoff(plan, pending, indexes, counts.Policy, now, deadline, options);
            }

            plan.Create.AddRange(pending);
        }
        else
        {
            plan.Create.AddRange(Enumerable.Repeat(-1, Math.Max(0, missing)));
        }

        return deadline is { } at ? plan with { RequeueAfter = at - now } : plan;
    }

    /// <summary>
    /// Creates the pending indexes whose own back-off is over, each with the failure counts of its last failed pod;
    /// looks again when the next one's back-off ends (or at the deadline, if sooner).
    /// </summary>
    private static JobPlan CreateAfterIndexBackoff(
        JobPlan plan, List<int> pending, IndexFailures indexes, System.Text.Json.Nodes.JsonNode? policy, DateTimeOffset now, DateTimeOffset? deadline, JobControllerOptions options)
    {
        TimeSpan? soonest = deadline - now;
        foreach (var index in pending)
        {
            var last = indexes.AwaitingReplacement.GetValueOrDefault(index);
            var remaining = PerIndexBackoff.Remaining(last, now, options);
            if (remaining > TimeSpan.Zero)
            {
                soonest = Min(remaining, soonest);
                continue;
            }

            plan.Create.Add(index);
            plan.FailureCounts[index] = PerIndexBackoff.NextCounts(policy, last);
        }

        return soonest is { } after ? plan with { RequeueAfter = after } : plan;
    }

    /// <summary>Deletes pods that are not to be counted (suspension, surplus, success), letting go of them first.</summary>
    private static void StopActive(JobPlan plan, List<Pod> pods)
    {
        plan.Delete.AddRange(pods.Select(Name));
        plan.Release.AddRange(pods.Where(JobPods.IsTracked));
    }

    private static JobFinish? Failure(Job job, JobStatus status, JobCounts counts, IndexFailures? indexes, DateTimeOffset now)
    {
        if (status.Conditions?.FirstOrDefault(c => c.Type == "FailureTarget" && c.Status == "True") is { } target)
        {
            return new JobFinish("Failed", target.Reason ?? "", target.Message ?? "");
        }

        if (counts.Failures.FirstOrDefault(p => PodFailurePolicy.Evaluate(counts.Policy, p) == "FailJob") is { } fatal)
        {
            return new JobFinish("Failed", "PodFailurePolicy", $"Pod {fatal.Metadata?.Namespace}/{fatal.Metadata?.Name} failed and matched a FailJob rule of the pod failure policy");
        }

        if (counts.Failed > (job.Spec?.BackoffLimit ?? 6))
        {
            return new JobFinish("Failed", "BackoffLimitExceeded", "Job has reached the specified backoff limit");
        }

        if (Deadline(job, status) <= now)
        {
            return new JobFinish("Failed", "DeadlineExceeded", "Job was active longer than specified deadline");
        }

        if (indexes is null)
        {
            return null;
        }

        if (job.Spec?.MaxFailedIndexes is { } max && indexes.Failed.Count > max)
        {
            return new JobFinish("Failed", "MaxFailedIndexesExceeded", "Job has exceeded the specified maximal number of failed indexes");
        }

        // Every index finished, and some failed.
        return indexes.Failed.Count > 0 && indexes.Failed.Count + counts.Succeeded >= (job.Spec?.Completions ?? 0)
            ? new JobFinish("Failed", "FailedIndexes", "Job has failed indexes")
            : null;
    }

    private static DateTimeOffset? Deadline(Job job, JobStatus status) =>
        job.Spec?.ActiveDeadlineSeconds is { } seconds && status.StartTime is { } start ? start.AddSeconds(seconds) : null;

    private static TimeSpan Min(TimeSpan wait, TimeSpan? untilDeadline) =>
        untilDeadline is { } d && d < wait ? d : wait;

    private static string Name(Pod pod) => pod.Metadata?.Name ?? "";
}
