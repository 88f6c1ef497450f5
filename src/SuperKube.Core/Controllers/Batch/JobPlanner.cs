using SuperKube.Model.Batch;
using SuperKube.Model.Core;

namespace SuperKube.Controllers.Batch;

/// <summary>
/// The decisions of a Job sync (upstream job_controller) as a pure function of the job, its pods and the time:
/// suspension, failure (backoffLimit counted through the pod failure policy, activeDeadlineSeconds, FailJob rules),
/// success (completions, or the first success when completions is unset; every index when Indexed), and otherwise
/// how many pods to add or remove to reach parallelism, waiting out the exponential back-off after failures.
/// </summary>
internal static class JobPlanner
{
    public static JobPlan Plan(Job job, IReadOnlyList<Pod> pods, DateTimeOffset now, JobControllerOptions options)
    {
        var spec = job.Spec;
        var status = job.Status is null ? new JobStatus() : Controllers.ModelJson.Clone(job.Status);
        var plan = new JobPlan([], [], status, null);
        var active = pods.Where(JobPods.Active).ToList();
        var indexed = JobPods.IsIndexed(job);
        var completions = spec?.Completions;
        var succeededPods = pods.Where(JobPods.Succeeded).ToList();
        var doneIndexes = indexed ? succeededPods.Select(JobPods.Index).Where(i => i >= 0 && i < (completions ?? 0)).ToHashSet() : [];
        var policy = PodFailurePolicy.Of(job);
        var failedPods = pods.Where(JobPods.Failed).ToList();
        var counted = failedPods.Where(p => PodFailurePolicy.Evaluate(policy, p) != "Ignore").ToList();
        status.Active = active.Count;
        status.Ready = active.Count(p => p.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true);
        status.Succeeded = succeededPods.Count;
        status.Failed = counted.Count;
        status.Terminating = pods.Count(p => p.Metadata?.DeletionTimestamp is not null && !JobPods.Succeeded(p) && !JobPods.Failed(p));
        if (indexed)
        {
            status.CompletedIndexes = JobPods.FormatIndexes(doneIndexes);
        }

        if (JobConditions.IsFinished(job.Status))
        {
            plan.Delete.AddRange(active.Select(Name));
            return plan;
        }

        if (spec?.Suspend == true)
        {
            plan.Delete.AddRange(active.Select(Name));
            JobConditions.Set(status, "Suspended", "True", "JobSuspended", "Job suspended", now);
            status.StartTime = null;
            return plan;
        }

        if (JobConditions.IsTrue(status, "Suspended"))
        {
            JobConditions.Set(status, "Suspended", "False", "JobResumed", "Job resumed", now);
        }

        status.StartTime ??= now;
        if (Failure(job, status, failedPods, policy, counted.Count, now) is { } failure)
        {
            plan.Delete.AddRange(active.Select(Name));
            JobConditions.Set(status, "FailureTarget", "True", failure.Reason, failure.Message, now);
            JobConditions.Set(status, "Failed", "True", failure.Reason, failure.Message, now);
            return plan;
        }

        var succeeded = indexed ? doneIndexes.Count : succeededPods.Count;
        var complete = completions is { } wanted ? succeeded >= wanted : succeeded > 0 && active.Count == 0;
        if (complete)
        {
            plan.Delete.AddRange(active.Select(Name));
            JobConditions.Set(status, "SuccessCriteriaMet", "True", "CompletionsReached", "Reached expected number of succeeded pods", now);
            JobConditions.Set(status, "Complete", "True", "CompletionsReached", "Reached expected number of succeeded pods", now);
            status.CompletionTime = now;
            return plan;
        }

        var parallelism = spec?.Parallelism ?? 1;
        var want = completions is { } c ? Math.Min(parallelism, c - succeeded) : (succeeded > 0 ? 0 : parallelism);
        if (active.Count > want)
        {
            plan.Delete.AddRange(active.OrderByDescending(p => p.Metadata?.CreationTimestamp).Take(active.Count - want).Select(Name));
            return plan;
        }

        var deadline = Deadline(job, status);
        var wait = counted.Count == 0
            ? TimeSpan.Zero
            : (counted.Max(JobPods.FinishedAt) ?? now) + JobPods.Backoff(counted.Count, options.BackoffBase, options.BackoffMax) - now;
        if (want > active.Count && wait > TimeSpan.Zero)
        {
            return plan with { RequeueAfter = Min(wait, deadline - now) };
        }

        var missing = want - active.Count;
        if (indexed)
        {
            var busy = active.Select(JobPods.Index).ToHashSet();
            plan.Create.AddRange(Enumerable.Range(0, completions ?? 0).Where(i => !doneIndexes.Contains(i) && !busy.Contains(i)).Take(missing));
        }
        else
        {
            plan.Create.AddRange(Enumerable.Repeat(-1, Math.Max(0, missing)));
        }

        return deadline is { } at ? plan with { RequeueAfter = at - now } : plan;
    }

    private static (string Reason, string Message)? Failure(Job job, JobStatus status, List<Pod> failed, System.Text.Json.Nodes.JsonNode? policy, int counted, DateTimeOffset now)
    {
        if (failed.FirstOrDefault(p => PodFailurePolicy.Evaluate(policy, p) == "FailJob") is { } fatal)
        {
            return ("PodFailurePolicy", $"Pod {fatal.Metadata?.Namespace}/{fatal.Metadata?.Name} failed and matched a FailJob rule of the pod failure policy");
        }

        if (counted > (job.Spec?.BackoffLimit ?? 6))
        {
            return ("BackoffLimitExceeded", "Job has reached the specified backoff limit");
        }

        return Deadline(job, status) <= now ? ("DeadlineExceeded", "Job was active longer than specified deadline") : null;
    }

    private static DateTimeOffset? Deadline(Job job, JobStatus status) =>
        job.Spec?.ActiveDeadlineSeconds is { } seconds && status.StartTime is { } start ? start.AddSeconds(seconds) : null;

    private static TimeSpan Min(TimeSpan wait, TimeSpan? untilDeadline) =>
        untilDeadline is { } d && d < wait ? d : wait;

    private static string Name(Pod pod) => pod.Metadata?.Name ?? "";
}
