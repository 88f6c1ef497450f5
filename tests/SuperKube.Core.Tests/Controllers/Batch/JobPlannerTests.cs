using SuperKube.Model.Batch;
using SuperKube.Model.Core;
using static SuperKube.Controllers.Batch.Tests.JobTestObjects;

namespace SuperKube.Controllers.Batch.Tests;

public sealed class JobPlannerTests
{
    [Fact]
    public void Plan_NoPods_CreatesParallelismCappedByCompletions()
    {
        var plan = JobPlanner.Plan(Job(completions: 3, parallelism: 5), [], T0, Options);

        Assert.Equal(3, plan.Create.Count);
    }

    [Fact]
    public void Plan_CompletionsReached_CompleteAndSuccessCriteriaMet()
    {
        Pod[] pods = [Pod("a", "Succeeded"), Pod("b", "Succeeded")];

        var plan = JobPlanner.Plan(Job(completions: 2), pods, T0.AddMinutes(1), Options);
        var settled = Settled(plan, pods, T0.AddMinutes(1));

        Assert.True(JobConditions.IsTrue(plan.Status, "SuccessCriteriaMet"));
        Assert.False(JobConditions.IsTrue(plan.Status, "Complete"));
        Assert.True(JobConditions.IsTrue(settled, "Complete"));
        Assert.Equal((2, T0.AddMinutes(1)), (settled.Succeeded, settled.CompletionTime));
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
        Pod[] pods = [Pod("a", "Failed"), Pod("b", "Failed", finishedSecondsAfterT0: 10)];

        var plan = JobPlanner.Plan(Job(), pods, T0.AddSeconds(31), Options);

        Assert.Single(plan.Create);
        Assert.Equal(2, Settled(plan, pods, T0).Failed);
    }

    [Fact]
    public void Plan_FailuresBeyondBackoffLimit_FailedWithFailureTarget()
    {
        Pod[] pods = [Pod("a", "Failed"), Pod("b", "Failed")];

        var plan = JobPlanner.Plan(Job(backoffLimit: 1), pods, T0.AddMinutes(1), Options);
        var settled = Settled(plan, pods, T0.AddMinutes(1));

        Assert.True(JobConditions.IsTrue(plan.Status, "FailureTarget"));
        Assert.True(JobConditions.IsTrue(settled, "Failed"));
        Assert.Equal("BackoffLimitExceeded", settled.Conditions!.Single(c => c.Type == "Failed").Reason);
    }

    [Fact]
    public void Plan_PastActiveDeadline_DeletesActiveAndFailsOnceTheyAreGone()
    {
        var job = Job(deadline: 30);
        Pod[] pods = [Pod("a", "Running")];

        var plan = JobPlanner.Plan(job, pods, T0.AddSeconds(31), Options);
        var settled = Settled(plan, pods, T0.AddSeconds(31));
        job.Status = settled;
        var afterDeletion = Settled(JobPlanner.Plan(job, [], T0.AddSeconds(32), Options), [], T0.AddSeconds(32));

        Assert.Equal(["a"], plan.Delete);
        Assert.Equal((1, 1), (settled.Failed, settled.Terminating));
        Assert.Equal("DeadlineExceeded", settled.Conditions!.Single(c => c.Type == "FailureTarget").Reason);
        Assert.False(JobConditions.IsTrue(settled, "Failed"));
        Assert.Equal(0, afterDeletion.Terminating);
        Assert.Equal("DeadlineExceeded", afterDeletion.Conditions!.Single(c => c.Type == "Failed").Reason);
        Assert.Equal(1, afterDeletion.Failed);
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

        Assert.True(JobConditions.IsTrue(Settled(plan, pods, T0), "Complete"));
        Assert.Equal("0,1", plan.Status.CompletedIndexes);
    }

    [Fact]
    public void Plan_ReplacementPolicyFailed_TerminatingPodReplacedOnlyOnceFailed()
    {
        var job = Job();
        job.Spec!.PodReplacementPolicy = "Failed";
        Pod[] terminating = [Deleting(Pod("a", "Running"))];
        Pod[] failed = [Deleting(Pod("a", "Failed"))];

        var waiting = JobPlanner.Plan(job, terminating, T0.AddMinutes(1), Options);
        var replaced = JobPlanner.Plan(job, failed, T0.AddMinutes(1), Options);

        Assert.Empty(waiting.Create);
        Assert.Equal((0, 1), (waiting.Status.Active, waiting.Status.Terminating));
        Assert.Empty(waiting.Release);
        Assert.Null(waiting.Status.UncountedTerminatedPods!.Failed);
        Assert.Single(replaced.Create);
        Assert.Equal(0, replaced.Status.Terminating);
        Assert.Equal(1, Settled(replaced, failed, T0.AddMinutes(1)).Failed);
    }

    [Fact]
    public void Plan_ReplacementPolicyTerminatingOrFailed_TerminatingPodReplacedAtOnce()
    {
        var job = Job();
        job.Spec!.PodReplacementPolicy = "TerminatingOrFailed";
        Pod[] pods = [Deleting(Pod("a", "Running"))];

        var plan = JobPlanner.Plan(job, pods, T0.AddMinutes(1), Options);

        Assert.Single(plan.Create);
        Assert.Equal(1, plan.Status.Terminating);
    }

    [Fact]
    public void Plan_IndexedReplacementPolicyFailed_TerminatingIndexNotDuplicated()
    {
        var job = Job(completions: 3, parallelism: 3, mode: "Indexed");
        job.Spec!.PodReplacementPolicy = "Failed";
        Pod[] pods = [Deleting(Pod("j-0", "Running", 0)), Pod("j-1", "Running", 1)];

        var plan = JobPlanner.Plan(job, pods, T0, Options);

        Assert.Equal([2], plan.Create);
    }

    [Fact]
    public void Plan_PodFailurePolicy_ImpliesOnlyFailedPodsReplaced()
    {
        var job = WithFailurePolicy(Job(), """{"rules":[{"action":"Ignore","onPodConditions":[{"type":"DisruptionTarget"}]}]}""");
        job.Spec!.PodReplacementPolicy = null;
        Pod[] pods = [Deleting(Pod("a", "Running"))];

        var plan = JobPlanner.Plan(job, pods, T0.AddMinutes(1), Options);

        Assert.Empty(plan.Create);
    }

    [Fact]
    public void Plan_Completed_TerminalConditionWaitsForTerminatingPods()
    {
        var job = Job(completions: 1, parallelism: 2);
        Pod[] pods = [Pod("a", "Succeeded"), Pod("b", "Running")];

        var plan = JobPlanner.Plan(job, pods, T0, Options);
        var settled = Settled(plan, pods, T0);

        Assert.Equal(["b"], plan.Delete);
        Assert.True(JobConditions.IsTrue(settled, "SuccessCriteriaMet"));
        Assert.False(JobConditions.IsTrue(settled, "Complete"));
        Assert.Equal(1, settled.Terminating);
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(4, 80)]
    [InlineData(20, 360)]
    public void Backoff_Doubles_Capped(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), JobPods.Backoff(failures, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(6)));

    [Fact]
    public void FormatIndexes_RangesOfThreeOrMore_PairsListed() => Assert.Equal("1,3-5,7,8", JobPods.FormatIndexes([7, 3, 4, 5, 1, 4, 8]));
}
