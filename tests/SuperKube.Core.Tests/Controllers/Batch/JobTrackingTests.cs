using SuperKube.Model.Batch;
using SuperKube.Model.Core;
using static SuperKube.Controllers.Batch.Tests.JobTestObjects;

namespace SuperKube.Controllers.Batch.Tests;

/// <summary>
/// Counting through the tracking finalizer, sync by sync: what a sync records before letting go of pods, what it
/// counts afterwards, and what a controller that stopped between two writes does when it starts again.
/// </summary>
public sealed class JobTrackingTests
{
    [Fact]
    public void Plan_PodSucceeded_RecordedByUidBeforeItsFinalizerGoes()
    {
        Pod[] pods = [Pod("a", "Succeeded"), Pod("b", "Running")];

        var plan = JobPlanner.Plan(Job(completions: 2), pods, T0, Options);

        Assert.Equal(["a"], plan.Status.UncountedTerminatedPods!.Succeeded!);
        Assert.Equal(0, plan.Status.Succeeded ?? 0);
        Assert.Equal(["a"], plan.Release.Select(p => p.Metadata!.Name));
    }

    [Fact]
    public void Settle_FinalizerRemoved_MovesUidIntoCounter()
    {
        Pod[] pods = [Pod("a", "Succeeded"), Pod("b", "Running")];
        var plan = JobPlanner.Plan(Job(completions: 2), pods, T0, Options);

        var settled = Settled(plan, pods, T0);

        Assert.Equal(1, settled.Succeeded);
        Assert.Null(settled.UncountedTerminatedPods!.Succeeded);
    }

    [Fact]
    public void Settle_FinalizerRemovalFailed_KeepsUidUncountedAndWaitsWithComplete()
    {
        Pod[] pods = [Pod("a", "Succeeded")];
        var plan = JobPlanner.Plan(Job(completions: 1), pods, T0, Options);
        var status = ModelJson.Clone(plan.Status);

        JobTracking.Settle(status, plan.Finish, new HashSet<string> { "a" }, T0);

        Assert.Equal(["a"], status.UncountedTerminatedPods!.Succeeded!);
        Assert.Equal(0, status.Succeeded ?? 0);
        Assert.False(JobConditions.IsTrue(status, "Complete"));
        Assert.True(JobConditions.IsTrue(status, "SuccessCriteriaMet"));
    }

    [Fact]
    public void Plan_RestartAfterFinalizerRemoved_CountsExactlyOnce()
    {
        // The controller stopped after recording "a" and removing its finalizer, before counting it.
        var job = Job(completions: 2);
        job.Status!.UncountedTerminatedPods = new UncountedTerminatedPods { Succeeded = ["a"] };
        Pod[] pods = [Pod("a", "Succeeded", tracked: false), Pod("b", "Running")];

        var plan = JobPlanner.Plan(job, pods, T0, Options);
        var settled = Settled(plan, pods, T0);
        job.Status = settled;
        var again = Settled(JobPlanner.Plan(job, pods, T0, Options), pods, T0);

        Assert.Empty(plan.Release);
        Assert.Equal(1, settled.Succeeded);
        Assert.Equal(1, again.Succeeded);
        Assert.Null(again.UncountedTerminatedPods!.Succeeded);
    }

    [Fact]
    public void Plan_RestartBeforeFinalizerRemoved_ReleasesWithoutRecordingTwice()
    {
        var job = Job(completions: 2);
        job.Status!.UncountedTerminatedPods = new UncountedTerminatedPods { Failed = ["a"] };
        Pod[] pods = [Pod("a", "Failed")];

        var plan = JobPlanner.Plan(job, pods, T0, Options);

        Assert.Equal(["a"], plan.Status.UncountedTerminatedPods!.Failed!);
        Assert.Equal(["a"], plan.Release.Select(p => p.Metadata!.Name));
        Assert.Equal(1, Settled(plan, pods, T0).Failed);
    }

    [Fact]
    public void Plan_RecordedPodDeleted_CountedFromItsUid()
    {
        var job = Job(completions: 3);
        job.Status!.Succeeded = 1;
        job.Status.UncountedTerminatedPods = new UncountedTerminatedPods { Succeeded = ["gone"] };

        var plan = JobPlanner.Plan(job, [], T0, Options);

        Assert.Equal(2, Settled(plan, [], T0).Succeeded);
        Assert.Single(plan.Create);
    }

    [Fact]
    public void Plan_CountedPodsGoneOrUntracked_CountsKeptAndNoBackoff()
    {
        // Counted earlier: the pods lost their finalizer (one was then deleted), so they are not counted again.
        var job = Job(completions: 3);
        job.Status!.Succeeded = 1;
        job.Status.Failed = 2;

        var plan = JobPlanner.Plan(job, [Pod("a", "Succeeded", tracked: false)], T0, Options);

        Assert.Equal((1, 2), (plan.Status.Succeeded, plan.Status.Failed));
        Assert.Single(plan.Create);
        Assert.Null(plan.RequeueAfter);
    }

    [Fact]
    public void Plan_RunningPodDeleted_CountedFailedThenReplacedAfterBackoff()
    {
        var deleted = Pod("a", "Running");
        deleted.Metadata!.DeletionTimestamp = T0.AddSeconds(30);
        deleted.Metadata.DeletionGracePeriodSeconds = 30;

        var waiting = JobPlanner.Plan(Job(), [deleted], T0.AddSeconds(4), Options);
        var replaced = JobPlanner.Plan(Job(), [deleted], T0.AddSeconds(10), Options);

        Assert.Equal(["a"], waiting.Status.UncountedTerminatedPods!.Failed!);
        Assert.Equal(["a"], waiting.Release.Select(p => p.Metadata!.Name));
        Assert.Equal((0, 1), (waiting.Status.Active, waiting.Status.Terminating));
        Assert.Equal(TimeSpan.FromSeconds(6), waiting.RequeueAfter);
        Assert.Single(replaced.Create);
        Assert.Equal(1, Settled(replaced, [deleted], T0).Failed);
    }

    [Fact]
    public void Plan_Suspended_ReleasesActivePodsUncounted()
    {
        Pod[] pods = [Pod("a", "Running")];

        var plan = JobPlanner.Plan(Job(suspend: true), pods, T0, Options);

        Assert.Equal(["a"], plan.Release.Select(p => p.Metadata!.Name));
        Assert.Null(plan.Status.UncountedTerminatedPods!.Failed);
        Assert.Equal(0, Settled(plan, pods, T0).Failed ?? 0);
    }

    [Fact]
    public void Plan_JobFails_RunningPodsCountedFailedAndReleased()
    {
        Pod[] pods = [Pod("a", "Failed"), Pod("b", "Running")];

        var plan = JobPlanner.Plan(Job(parallelism: 2, completions: 2, backoffLimit: 0), pods, T0, Options);
        var settled = Settled(plan, pods, T0);

        Assert.Equal(["a", "b"], plan.Status.UncountedTerminatedPods!.Failed!);
        Assert.Equal(["b"], plan.Delete);
        Assert.Equal(["a", "b"], plan.Release.Select(p => p.Metadata!.Name).Order());
        Assert.Equal(2, settled.Failed);
        Assert.Equal(1, settled.Terminating);
        Assert.True(JobConditions.IsTrue(settled, "FailureTarget"));
        Assert.False(JobConditions.IsTrue(settled, "Failed"));
    }

    [Fact]
    public void Plan_FinishedJob_ReleasesLeftoversWithoutCounting()
    {
        var job = Job(completions: 1);
        job.Status!.Succeeded = 1;
        JobConditions.Set(job.Status, "Complete", "True", "CompletionsReached", "done", T0);
        Pod[] pods = [Pod("a", "Succeeded"), Pod("b", "Failed")];

        var plan = JobPlanner.Plan(job, pods, T0, Options);

        Assert.Equal(["a", "b"], plan.Release.Select(p => p.Metadata!.Name));
        Assert.Equal((1, 0), (Settled(plan, pods, T0).Succeeded, Settled(plan, pods, T0).Failed ?? 0));
    }

    [Fact]
    public void Plan_IndexedSuccessSeenAgain_IndexCountedOnce()
    {
        // Index 0 was recorded in completedIndexes but the controller stopped before removing the finalizer.
        var job = Job(completions: 2, mode: "Indexed");
        job.Status!.CompletedIndexes = "0";
        job.Status.Succeeded = 1;
        Pod[] pods = [Pod("j-0", "Succeeded", 0), Pod("j-1", "Running", 1)];

        var plan = JobPlanner.Plan(job, pods, T0, Options);

        Assert.Equal(("0", 1), (plan.Status.CompletedIndexes, plan.Status.Succeeded));
        Assert.Null(plan.Status.UncountedTerminatedPods!.Succeeded);
        Assert.Equal(["j-0"], plan.Release.Select(p => p.Metadata!.Name));
    }

    [Fact]
    public void Plan_IndexOutOfRange_ReleasedNotCounted()
    {
        Pod[] pods = [Pod("j-5", "Succeeded", 5)];

        var plan = JobPlanner.Plan(Job(completions: 2, mode: "Indexed"), pods, T0, Options);

        Assert.Equal("", plan.Status.CompletedIndexes);
        Assert.Equal(["j-5"], plan.Release.Select(p => p.Metadata!.Name));
    }

    [Theory]
    [InlineData("1,3-5,7", 10, new[] { 1, 3, 4, 5, 7 })]
    [InlineData("0-3,x,9", 3, new[] { 0, 1, 2 })]
    [InlineData("", 3, new int[0])]
    public void ParseIndexes_RangesBelowCompletions(string text, int completions, int[] expected) =>
        Assert.Equal(expected, JobPods.ParseIndexes(text, completions).Order());
}
