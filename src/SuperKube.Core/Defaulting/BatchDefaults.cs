using System.Text.Json.Nodes;
using static SuperKube.Defaulting.JsonDefaults;

namespace SuperKube.Defaulting;

/// <summary>
/// Defaults of batch/v1 Job and CronJob. As upstream, a cron job's job template only gets the pod template defaults:
/// the Job-level defaults (parallelism, backoffLimit...) are filled when the controller creates each Job.
/// </summary>
internal static class BatchDefaults
{
    public static void Job(JsonObject job)
    {
        var spec = Obj(job, "spec");
        if (spec["completions"] is null && spec["parallelism"] is null)
        {
            spec["completions"] = 1;
        }

        SetIfMissing(spec, "parallelism", 1);
        SetIfMissing(spec, "backoffLimit", spec["backoffLimitPerIndex"] is null ? 6 : int.MaxValue);
        if (Child(Child(Child(spec, "template"), "metadata"), "labels") is { } templateLabels)
        {
            WorkloadDefaults.CopyLabelsWhenEmpty(job, templateLabels);
        }

        SetIfMissing(spec, "completionMode", "NonIndexed");
        SetIfMissing(spec, "suspend", false);
        SetIfMissing(spec, "podReplacementPolicy", spec["podFailurePolicy"] is null ? "TerminatingOrFailed" : "Failed");
        SetIfMissing(spec, "manualSelector", false);
        JobTemplateSpec(spec);
    }

    public static void CronJob(JsonObject cronJob)
    {
        var spec = Obj(cronJob, "spec");
        SetIfZero(spec, "concurrencyPolicy", "Allow");
        SetIfMissing(spec, "suspend", false);
        SetIfMissing(spec, "successfulJobsHistoryLimit", 3);
        SetIfMissing(spec, "failedJobsHistoryLimit", 1);
        JobTemplateSpec(Child(Child(spec, "jobTemplate"), "spec"));
    }

    // The nested defaults a job spec gets wherever it appears: pod failure policy patterns and the pod template.
    private static void JobTemplateSpec(JsonObject? spec)
    {
        foreach (var rule in Items(Child(spec, "podFailurePolicy"), "rules"))
        {
            foreach (var pattern in Items(rule, "onPodConditions"))
            {
                SetIfZero(pattern, "status", "True");
            }
        }

        PodSpecDefaults.Template(Child(spec, "template"));
    }
}
