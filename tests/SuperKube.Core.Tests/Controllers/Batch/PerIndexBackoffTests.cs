using SuperKube.Model.Core;
using static SuperKube.Controllers.Batch.Tests.JobTestObjects;

namespace SuperKube.Controllers.Batch.Tests;

/// <summary>
/// backoffLimitPerIndex and maxFailedIndexes through the Job planner: per-index failure counts carried by the pods,
/// per-index back-off, failed indexes and the two ways a Job fails by them.
/// </summary>
public sealed class PerIndexBackoffTests
{
    private const string FailIndexOnExit1 = """{"rules":[{"action":"FailIndex","onExitCodes":{"operator":"In","values":[1]}}]}""";
    private const string IgnoreExit1 = """{"rules":[{"action":"Ignore","onExitCodes":{"operator":"In","values":[1]}}]}""";

    [Fact]
    public void Plan_NoPods_EveryIndexCreatedWithZeroFailuresAndNoFailedIndexes()
    {
        var plan = JobPlanner.Plan(PerIndexJob(completions: 3, parallelism: 3, limitPerIndex: 1), [], T0, Options);

        Assert.Equal([0, 1, 2], plan.Create);
        Assert.All(plan.Create, i => Assert.Equal((0, 0), plan.FailureCounts[i]));
        Assert.Equal("", plan.Status.FailedIndexes);
    }

    [Fact]
    public void Plan_IndexFailedBelowLimit_WaitsForItsOwnBackoffKeepingTheFailedPod()
    {
        Pod[] pods = [IndexPod("j-0", "Failed", 0, failures: 0), IndexPod("j-1", "Running", 1, failures: 0)];

        var plan = JobPlanner.Plan(PerIndexJob(completions: 2, parallelism: 2, limitPerIndex: 1), pods, T0.AddSeconds(4), Options);

        Assert.Empty(plan.Create);
        Assert.Equal(TimeSpan.FromSeconds(6), plan.RequeueAfter);
        Assert.Empty(plan.Release);
        Assert.Null(plan.Status.UncountedTerminatedPods!.Failed);
        Assert.Equal("", plan.Status.FailedIndexes);
    }

    [Fact]
    public void Plan_IndexBackoffOver_ReplacementCarriesTheFailureCount()
    {
        Pod[] pods = [IndexPod("j-0", "Failed", 0, failures: 1, finishedSecondsAfterT0: 0), IndexPod("j-1", "Running", 1, failures: 0)];

        // Second failure of index 0: back-off 20 s.
        var waiting = JobPlanner.Plan(PerIndexJob(completions: 2, parallelism: 2, limitPerIndex: 3), pods, T0.AddSeconds(19), Options);
        var plan = JobPlanner.Plan(PerIndexJob(completions: 2, parallelism: 2, limitPerIndex: 3), pods, T0.AddSeconds(20), Options);

        Assert.Empty(waiting.Create);
        Assert.Equal([0], plan.Create);
        Assert.Equal((2, 0), plan.FailureCounts[0]);
        Assert.Empty(plan.Release);
    }

    [Fact]
    public void Plan_ReplacementRunning_OldFailedPodCountedAndLetGo()
    {
        Pod[] pods = [IndexPod("j-0", "Failed", 0, failures: 0), IndexPod("j-0b", "Running", 0, failures: 1)];

        var plan = JobPlanner.Plan(PerIndexJob(completions: 1, parallelism: 1, limitPerIndex: 2), pods, T0.AddMinutes(1), Options);

        Assert.Equal(["j-0"], plan.Release.Select(p => p.Metadata!.Name));
        Assert.Equal(1, Settled(plan, pods, T0.AddMinutes(1)).Failed);
        Assert.Empty(plan.Create);
    }

    [Fact]
    public void Plan_FailureAtTheLimit_IndexFailedAndNotRetried()
    {
        Pod[] pods = [IndexPod("j-0", "Running", 0, failures: 0), IndexPod("j-1", "Failed", 1, failures: 1), IndexPod("j-2", "Running", 2, failures: 0)];

        var plan = JobPlanner.Plan(PerIndexJob(completions: 3, parallelism: 3, limitPerIndex: 1), pods, T0.AddMinutes(1), Options);

        Assert.Equal("1", plan.Status.FailedIndexes);
        Assert.Empty(plan.Create);
        Assert.Equal(["j-1"], plan.Release.Select(p => p.Metadata!.Name));
        Assert.False(JobConditions.IsTrue(plan.Status, "FailureTarget"));
    }

    [Fact]
    public void Plan_AllIndexesFinishedSomeFailed_FailedWithFailedIndexes()
    {
        Pod[] pods = [IndexPod("j-0", "Succeeded", 0, failures: 0), IndexPod("j-1", "Failed", 1, failures: 1), IndexPod("j-2", "Succeeded", 2, failures: 0)];

        var plan = JobPlanner.Plan(PerIndexJob(completions: 3, parallelism: 3, limitPerIndex: 1), pods, T0.AddMinutes(1), Options);
        var settled = Settled(plan, pods, T0.AddMinutes(1));

        Assert.Equal(("0,2", "1"), (settled.CompletedIndexes, settled.FailedIndexes));
        var failed = settled.Conditions!.Single(c => c.Type == "Failed");
        Assert.Equal(("FailedIndexes", "Job has failed indexes"), (failed.Reason, failed.Message));
        Assert.Equal((2, 1), (settled.Succeeded, settled.Failed));
    }

    [Fact]
    public void Plan_MoreFailedIndexesThanAllowed_FailsAtOnceAndDeletesActive()
    {
        Pod[] pods = [IndexPod("j-0", "Failed", 0, failures: 0), IndexPod("j-1", "Failed", 1, failures: 0), IndexPod("j-2", "Running", 2, failures: 0)];

        var plan = JobPlanner.Plan(PerIndexJob(completions: 4, parallelism: 3, limitPerIndex: 0, maxFailedIndexes: 1), pods, T0.AddMinutes(1), Options);

        Assert.Equal("0,1", plan.Status.FailedIndexes);
        Assert.Equal("MaxFailedIndexesExceeded", plan.Status.Conditions!.Single(c => c.Type == "FailureTarget").Reason);
        Assert.Equal(["j-2"], plan.Delete);
        Assert.Empty(plan.Create);
    }

    [Fact]
    public void Plan_FailedIndexesWithinMax_JobRunsTheOthers()
    {
        Pod[] pods = [IndexPod("j-0", "Failed", 0, failures: 0)];

        var plan = JobPlanner.Plan(PerIndexJob(completions: 3, parallelism: 2, limitPerIndex: 0, maxFailedIndexes: 1), pods, T0.AddMinutes(1), Options);

        Assert.Equal("0", plan.Status.FailedIndexes);
        Assert.Equal([1, 2], plan.Create);
        Assert.False(JobConditions.IsTrue(plan.Status, "FailureTarget"));
    }

    [Fact]
    public void Plan_FailIndexRule_IndexFailsAtItsFirstFailure()
    {
        Pod[] pods = [IndexPod("j-0", "Failed", 0, failures: 0), IndexPod("j-1", "Running", 1, failures: 0)];

        var plan = JobPlanner.Plan(PerIndexJob(completions: 2, parallelism: 2, limitPerIndex: 5, failurePolicy: FailIndexOnExit1), pods, T0.AddMinutes(1), Options);

        Assert.Equal("0", plan.Status.FailedIndexes);
        Assert.Empty(plan.Create);
    }

    [Fact]
    public void Plan_IgnoredFailure_ReplacementCountsItAsIgnored()
    {
        Pod[] pods = [IndexPod("j-0", "Failed", 0, failures: 1, ignored: 2)];

        var plan = JobPlanner.Plan(PerIndexJob(completions: 1, parallelism: 1, limitPerIndex: 1, failurePolicy: IgnoreExit1), pods, T0.AddMinutes(2), Options);

        Assert.Equal([0], plan.Create);
        Assert.Equal((1, 3), plan.FailureCounts[0]);
        Assert.Equal("", plan.Status.FailedIndexes);
    }

    [Fact]
    public void Plan_FailedIndexInStatus_NotRunAgain()
    {
        var job = PerIndexJob(completions: 3, parallelism: 3, limitPerIndex: 1);
        job.Status!.FailedIndexes = "2";

        var plan = JobPlanner.Plan(job, [], T0, Options);

        Assert.Equal([0, 1], plan.Create);
        Assert.Equal("2", plan.Status.FailedIndexes);
    }

    [Theory]
    [InlineData(null, 0, 0, 0, 0)]
    [InlineData("Count", 1, 2, 2, 2)]
    [InlineData("FailIndex", 0, 0, 1, 0)]
    [InlineData("Ignore", 1, 2, 1, 3)]
    public void NextCounts_AddsTheReplacedPodsFailure(string? action, int failures, int ignored, int expectedFailures, int expectedIgnored)
    {
        var replaced = action is null ? null : IndexPod("j-0", "Failed", 0, failures, ignored);
        var policy = action is null ? null : System.Text.Json.Nodes.JsonNode.Parse($$$"""{"rules":[{"action":"{{{action}}}","onExitCodes":{"operator":"In","values":[1]}}]}""");

        Assert.Equal((expectedFailures, expectedIgnored), PerIndexBackoff.NextCounts(policy, replaced));
    }
}
