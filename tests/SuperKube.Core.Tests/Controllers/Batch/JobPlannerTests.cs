using SuperKube.Model.Batch;
using SuperKube.Model.Core;
using SuperKube.Model.Meta;

namespace SuperKube.Controllers.Batch.Tests;

public sealed class JobPlannerTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly JobControllerOptions Options = new() { BackoffBase = TimeSpan.FromSeconds(10), BackoffMax = TimeSpan.FromMinutes(6) };

    private static Job Job(int? completions = 1, int parallelism = 1, int backoffLimit = 6, string mode = "NonIndexed", long? deadline = null, bool suspend = false) => new()
    {
        Metadata = new ObjectMeta { Name = "job", Namespace = "ns", Uid = "job-uid" },
        Spec = new JobSpec
        {
            Completions = completions, Parallelism = parallelism, BackoffLimit = backoffLimit, CompletionMode = mode,
            ActiveDeadlineSeconds = deadline, Suspend = suspend,
        },
        Status = new JobStatus { StartTime = T0 },
    };

    private static Pod Pod(string name, string phase, int index = -1, int finishedSecondsAfterT0 = 0)
    {
        var pod = new Pod
        {
            Metadata = new ObjectMeta { Name = name, CreationTimestamp = T0 },
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

    [Fact]
    public void Plan_NoPods_CreatesParallelismCappedByCompletions()
    {
        var plan = JobPlanner.Plan(Job(completions: 3, parallelism: 5), [], T0, Options);

        Assert.Equal(3, plan.Create.Count);
    }

    [Fact]
    public void Plan_CompletionsReached_CompleteAndSuccessCriteriaMet()
    {
        var plan = JobPlanner.Plan(Job(completions: 2), [Pod("a", "Succeeded"), Pod("b", "Succeeded")], T0.AddMinutes(1), Options);

        Assert.True(JobConditions.IsTrue(plan.Status, "Complete"));
        Assert.True(JobConditions.IsTrue(plan.Status, "SuccessCriteriaMet"));
        Assert.Equal((2, T0.AddMinutes(1)), (plan.Status.Succeeded, plan.Status.CompletionTime));
        Assert.Empty(plan.Create);
    }

    [Fact]
    public void Plan_WorkQueueFirstSuccess_StopsCreating()
    {
        var plan = JobPlanner.Plan(Job(completions: null, parallelism: 3), [Pod("a", "Succeeded"), Pod("b", "Running")], T0, Options);

        Assert.Empty(plan.Create);
        Assert.False(JobConditions.IsFinished(plan.Status));
    }

    [Fact]
    public void Plan_AfterFailure_WaitsForBackoff()
    {
        var plan = JobPlanner.Plan(Job(), [Pod("a", "Failed", finishedSecondsAfterT0: 0)], T0.AddSeconds(4), Options);

        Assert.Empty(plan.Create);
        Assert.Equal(TimeSpan.FromSeconds(6), plan.RequeueAfter);
    }

    [Fact]
    public void Plan_BackoffElapsed_CreatesReplacement()
    {
        var plan = JobPlanner.Plan(Job(), [Pod("a", "Failed"), Pod("b", "Failed", finishedSecondsAfterT0: 10)], T0.AddSeconds(31), Options);

        Assert.Single(plan.Create);
        Assert.Equal(2, plan.Status.Failed);
    }

    [Fact]
    public void Plan_FailuresBeyondBackoffLimit_FailedWithFailureTarget()
    {
        var plan = JobPlanner.Plan(Job(backoffLimit: 1), [Pod("a", "Failed"), Pod("b", "Failed")], T0.AddMinutes(1), Options);

        Assert.True(JobConditions.IsTrue(plan.Status, "Failed"));
        Assert.True(JobConditions.IsTrue(plan.Status, "FailureTarget"));
        Assert.Equal("BackoffLimitExceeded", plan.Status.Conditions!.Single(c => c.Type == "Failed").Reason);
    }

    [Fact]
    public void Plan_PastActiveDeadline_FailsAndDeletesActive()
    {
        var plan = JobPlanner.Plan(Job(deadline: 30), [Pod("a", "Running")], T0.AddSeconds(31), Options);

        Assert.Equal("DeadlineExceeded", plan.Status.Conditions!.Single(c => c.Type == "Failed").Reason);
        Assert.Equal(["a"], plan.Delete);
    }

    [Fact]
    public void Plan_Suspended_DeletesActiveAndSetsSuspended()
    {
        var plan = JobPlanner.Plan(Job(suspend: true), [Pod("a", "Running")], T0, Options);

        Assert.Equal(["a"], plan.Delete);
        Assert.True(JobConditions.IsTrue(plan.Status, "Suspended"));
        Assert.Empty(plan.Create);
    }

    [Fact]
    public void Plan_Indexed_CreatesMissingIndexesAndReportsCompleted()
    {
        var pods = new[] { Pod("j-0", "Succeeded", 0), Pod("j-2", "Running", 2), Pod("j-3", "Succeeded", 3) };

        var plan = JobPlanner.Plan(Job(completions: 5, parallelism: 3, mode: "Indexed"), pods, T0, Options);

        Assert.Equal([1, 4], plan.Create);
        Assert.Equal("0,3", plan.Status.CompletedIndexes);
    }

    [Fact]
    public void Plan_IndexedAllIndexesSucceeded_Complete()
    {
        var pods = new[] { Pod("j-0", "Succeeded", 0), Pod("j-0b", "Succeeded", 0), Pod("j-1", "Succeeded", 1) };

        var plan = JobPlanner.Plan(Job(completions: 2, mode: "Indexed"), pods, T0, Options);

        Assert.True(JobConditions.IsTrue(plan.Status, "Complete"));
        Assert.Equal("0-1", plan.Status.CompletedIndexes);
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(4, 80)]
    [InlineData(20, 360)]
    public void Backoff_Doubles_Capped(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), JobPods.Backoff(failures, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(6)));

    [Fact]
    public void FormatIndexes_Ranges() => Assert.Equal("1,3-5,7", JobPods.FormatIndexes([7, 3, 4, 5, 1, 4]));
}
