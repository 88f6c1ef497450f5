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
