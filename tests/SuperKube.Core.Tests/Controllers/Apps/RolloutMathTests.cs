using SuperKube.Model;
using static SuperKube.Controllers.Apps.Tests.AppsObjects;

namespace SuperKube.Controllers.Apps.Tests;

public sealed class RolloutMathTests
{
    [Theory]
    [InlineData("25%", "25%", 10, 3, 2)]
    [InlineData("25%", "25%", 3, 1, 0)]
    [InlineData("10%", "10%", 1, 1, 0)]
    [InlineData("0%", "0%", 5, 0, 1)]
    [InlineData("50%", "30%", 7, 4, 2)]
    public void ResolveFenceposts_Percentages_SurgeRoundsUpAndUnavailableDown(string surge, string unavailable, int desired, int expectedSurge, int expectedUnavailable)
    {
        var result = RolloutMath.ResolveFenceposts(new IntOrString(surge), new IntOrString(unavailable), desired);

        Assert.Equal((expectedSurge, expectedUnavailable), result);
    }

    [Fact]
    public void ResolveFenceposts_BothZeroIntegers_AllowsOneUnavailable()
    {
        var result = RolloutMath.ResolveFenceposts(new IntOrString(0), new IntOrString(0), 4);

        Assert.Equal((0, 1), result);
    }

    [Fact]
    public void ResolveFenceposts_Integers_TakenAsIs()
    {
        var result = RolloutMath.ResolveFenceposts(new IntOrString(2), new IntOrString(1), 10);

        Assert.Equal((2, 1), result);
    }

    [Fact]
    public void MaxUnavailable_MoreThanReplicas_CappedAtReplicas()
    {
        var d = Deployment(3, maxSurge: 1, maxUnavailable: 5);

        Assert.Equal(3, RolloutMath.MaxUnavailable(d));
    }

    [Fact]
    public void MaxSurgeAndMaxUnavailable_Recreate_AreZero()
    {
        var d = Deployment(3, strategy: "Recreate");

        Assert.Equal((0, 0), (RolloutMath.MaxSurge(d), RolloutMath.MaxUnavailable(d)));
    }

    [Fact]
    public void NewReplicaSetReplicas_RollingUpdate_GrowsWithinSurge()
    {
        var d = Deployment(10);
        var old = Set("old", 10, available: 10, minutesOld: 5);
        var newRs = Set("new", 0);

        var replicas = RolloutMath.NewReplicaSetReplicas(d, [old, newRs], newRs);

        Assert.Equal(3, replicas);
    }

    [Fact]
    public void NewReplicaSetReplicas_AtMaximumTotal_StaysAsIs()
    {
        var d = Deployment(10);
        var old = Set("old", 10, available: 10, minutesOld: 5);
        var newRs = Set("new", 3);

        Assert.Equal(3, RolloutMath.NewReplicaSetReplicas(d, [old, newRs], newRs));
    }

    [Fact]
    public void NewReplicaSetReplicas_NearlyDone_NeverExceedsDesired()
    {
        var d = Deployment(10);
        var newRs = Set("new", 9);

        Assert.Equal(10, RolloutMath.NewReplicaSetReplicas(d, [Set("old", 1, minutesOld: 5), newRs], newRs));
    }

    [Fact]
    public void NewReplicaSetReplicas_Recreate_IsTheFullSize()
    {
        var d = Deployment(4, strategy: "Recreate");
        var newRs = Set("new", 0);

        Assert.Equal(4, RolloutMath.NewReplicaSetReplicas(d, [Set("old", 4, minutesOld: 5), newRs], newRs));
    }

    [Fact]
    public void MaxScaledDown_UnavailableNewPods_CountAgainstTheBudget()
    {
        var d = Deployment(10, maxSurge: 3, maxUnavailable: 2);
        var old = Set("old", 10, available: 10, minutesOld: 5);
        var newRs = Set("new", 3, available: 0);

        Assert.Equal(2, RolloutMath.MaxScaledDown(d, [old, newRs], newRs));
    }

    [Fact]
    public void PlanUnhealthyCleanup_UnavailablePods_RemovedOldestSetFirstWithinLimit()
    {
        var older = Set("older", 3, available: 1, minutesOld: 10);
        var old = Set("old", 2, available: 0, minutesOld: 5);
        var healthy = Set("healthy", 2, available: 2, minutesOld: 20);

        var plan = RolloutMath.PlanUnhealthyCleanup([old, healthy, older], 3);

        Assert.Equal([("older", 1), ("old", 1)], plan.Select(p => (p.Set.Metadata!.Name!, p.Replicas)));
    }

    [Fact]
    public void PlanScaleDown_AvailableAboveMinimum_ShrinksOldestFirst()
    {
        var d = Deployment(10, maxSurge: 3, maxUnavailable: 2);
        var oldest = Set("oldest", 1, available: 1, minutesOld: 10);
        var old = Set("old", 6, available: 6, minutesOld: 5);
        var newRs = Set("new", 3, available: 3);

        var plan = RolloutMath.PlanScaleDown(d, [oldest, old, newRs], [old, oldest]);

        Assert.Equal([("oldest", 0), ("old", 5)], plan.Select(p => (p.Set.Metadata!.Name!, p.Replicas)));
    }

    [Fact]
    public void PlanScaleDown_OldSetJustScaledDownStatusNotYetUpdated_DoesNotCountItsDeletedPod()
    {
        // 4 replicas, maxUnavailable 1: the old set went 4 -> 3 a moment ago, its status still says 4 available.
        var d = Deployment(4, maxSurge: 1, maxUnavailable: 1);
        var old = Set("old", 3, available: 4, minutesOld: 5);
        var newRs = Set("new", 1, available: 1);

        var plan = RolloutMath.PlanScaleDown(d, [old, newRs], [old]);

        Assert.Equal([("old", 2)], plan.Select(p => (p.Set.Metadata!.Name!, p.Replicas)));
    }

    [Fact]
    public void PlanScaleDown_AvailableAtMinimum_PlansNothing()
    {
        var d = Deployment(10, maxSurge: 3, maxUnavailable: 2);
        var old = Set("old", 8, available: 8, minutesOld: 5);
        var newRs = Set("new", 3, available: 0);

        Assert.Empty(RolloutMath.PlanScaleDown(d, [old, newRs], [old]));
    }
}
