using System.Text.Json;
using SuperKube.Model.Batch;
using SuperKube.Model.Core;
using SuperKube.Model.Meta;

namespace SuperKube.Controllers.Batch.Tests;

/// <summary>Jobs, pods and the reconciler's last step, shared by the Job planner and tracking tests.</summary>
internal static class JobTestObjects
{
    internal static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    internal static readonly JobControllerOptions Options = new() { BackoffBase = TimeSpan.FromSeconds(10), BackoffMax = TimeSpan.FromMinutes(6) };

    internal static Job Job(int? completions = 1, int parallelism = 1, int backoffLimit = 6, string mode = "NonIndexed", long? deadline = null, bool suspend = false) => new()
    {
        Metadata = new ObjectMeta { Name = "job", Namespace = "ns", Uid = "job-uid" },
        Spec = new JobSpec
        {
            Completions = completions, Parallelism = parallelism, BackoffLimit = backoffLimit, CompletionMode = mode,
            ActiveDeadlineSeconds = deadline, Suspend = suspend,
        },
        Status = new JobStatus { StartTime = T0 },
    };

    /// <summary>An Indexed Job with backoffLimitPerIndex (backoffLimit defaulted to the maximum, as the API server does).</summary>
    internal static Job PerIndexJob(int completions, int parallelism, int limitPerIndex, int? maxFailedIndexes = null, string? failurePolicy = null)
    {
        var job = Job(completions, parallelism, int.MaxValue, "Indexed");
        job.Spec!.BackoffLimitPerIndex = limitPerIndex;
        job.Spec.MaxFailedIndexes = maxFailedIndexes;
        if (failurePolicy is not null)
        {
            WithFailurePolicy(job, failurePolicy);
        }

        return job;
    }

    /// <summary>Gives the job a podFailurePolicy (JSON) and, as defaulting does then, podReplacementPolicy Failed.</summary>
    internal static Job WithFailurePolicy(Job job, string policy)
    {
        job.Spec!.AdditionalProperties = new Dictionary<string, JsonElement> { ["podFailurePolicy"] = JsonDocument.Parse(policy).RootElement.Clone() };
        job.Spec.PodReplacementPolicy = "Failed";
        return job;
    }

    /// <summary>A pod of an index with the failure counts its creation gave it (backoffLimitPerIndex).</summary>
    internal static Pod IndexPod(string name, string phase, int index, int failures, int ignored = 0, int finishedSecondsAfterT0 = 0)
    {
        var pod = Pod(name, phase, index, finishedSecondsAfterT0);
        pod.Metadata!.Annotations![JobPods.IndexFailureCount] = failures.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (ignored > 0)
        {
            pod.Metadata.Annotations[JobPods.IndexIgnoredFailureCount] = ignored.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return pod;
    }

    /// <summary>A pod being deleted (its deletion asked for at T0 with a 30 s grace period).</summary>
    internal static Pod Deleting(Pod pod)
    {
        pod.Metadata!.DeletionTimestamp = T0.AddSeconds(30);
        pod.Metadata.DeletionGracePeriodSeconds = 30;
        return pod;
    }

    internal static Pod Pod(string name, string phase, int index = -1, int finishedSecondsAfterT0 = 0, bool tracked = true)
    {
        var pod = new Pod
        {
            Metadata = new ObjectMeta { Name = name, Uid = name, CreationTimestamp = T0, Finalizers = tracked ? [JobPods.TrackingFinalizer] : null },
            Status = new PodStatus
            {
                Phase = phase,
                ContainerStatuses = phase is "Failed" or "Succeeded"
                    ? [new ContainerStatus { Name = "main", State = new ContainerState { Terminated = new ContainerStateTerminated { ExitCode = phase == "Failed" ? 1 : 0, FinishedAt = T0.AddSeconds(finishedSecondsAfterT0) } } }]
                    : null,
            },
        };
        if (index >= 0)
        {
            pod.Metadata.Annotations = new Dictionary<string, string> { [JobPods.CompletionIndex] = index.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        }

        return pod;
    }

    /// <summary>The reconciler's last step when every finalizer removal worked: the status as finally written.</summary>
    internal static JobStatus Settled(JobPlan plan, IEnumerable<Pod> pods, DateTimeOffset now)
    {
        var stillTracked = pods.Where(p => JobPods.IsTracked(p) && !plan.Release.Contains(p)).Select(JobPods.Uid).ToHashSet();
        var status = ModelJson.Clone(plan.Status);
        JobTracking.Settle(status, plan.Finish, stillTracked, now);
        return status;
    }
}
