using SuperKube.Model;
using static SuperKube.Controllers.Apps.Tests.AppsObjects;

namespace SuperKube.Controllers.Apps.Tests;

public sealed class ProportionalScalingTests
{
    [Fact]
    public void Plan_OneActiveSet_TakesTheNewSize()
    {
        var d = Deployment(5);
        var only = Set("only", 3, available: 3);

        var plan = ProportionalScaling.Plan(d, only, [Set("empty", 0, minutesOld: 5)]);

        Assert.Equal([("only", 5)], plan.Select(p => (p.Set.Metadata!.Name!, p.Replicas)));
    }

    [Fact]
    public void Plan_OneActiveSetAlreadySized_PlansNothing()
    {
        var d = Deployment(3);

        Assert.Empty(ProportionalScaling.Plan(d, Set("only", 3), []));
    }

    [Fact]
    public void Plan_SaturatedNewSet_ScalesOldSetsToZero()
    {
        var d = Deployment(3);
        var newRs = Set("new", 3, available: 3);
        newRs.Metadata!.Annotations![DeploymentAnnotations.DesiredReplicas] = "3";
        var old = Set("old", 1, available: 1, minutesOld: 5);

        var plan = ProportionalScaling.Plan(d, newRs, [old]);

        Assert.Equal([("old", 0)], plan.Select(p => (p.Set.Metadata!.Name!, p.Replicas)));
    }

    [Fact]
    public void Plan_ScaleUpDuringRollout_SpreadsInProportionToSize()
    {
        // Sized for 10 + 3 surge; now 15 replicas with a surge of 4 (25% rounded up): 19 pods allowed, 6 to add.
        var d = Deployment(15, maxSurge: new IntOrString("25%"), maxUnavailable: new IntOrString("25%"));
        var newRs = Set("new", 5, maxReplicas: 13);
        var old = Set("old", 8, available: 8, minutesOld: 5, maxReplicas: 13);

        var plan = ProportionalScaling.Plan(d, newRs, [old]);

        Assert.Equal([("old", 12), ("new", 7)], plan.Select(p => (p.Set.Metadata!.Name!, p.Replicas)));
    }

    [Fact]
    public void Plan_ScaleDownDuringRollout_RemovesProportionallyAndLeftoverFromTheLargest()
    {
        // Sized for 10 + 3; now 5 replicas with a surge of 2: 7 allowed, 6 to remove.
        var d = Deployment(5, maxSurge: new IntOrString("25%"), maxUnavailable: new IntOrString("25%"));
        var newRs = Set("new", 5, maxReplicas: 13);
        var old = Set("old", 8, available: 8, minutesOld: 5, maxReplicas: 13);

        var plan = ProportionalScaling.Plan(d, newRs, [old]);

        Assert.Equal(7, plan.Sum(p => p.Replicas));
        Assert.Equal([("old", 4), ("new", 3)], plan.Select(p => (p.Set.Metadata!.Name!, p.Replicas)));
    }

    [Fact]
    public void Plan_ScaleToZeroDuringRollout_EmptiesEverySet()
    {
        var d = Deployment(0);
        var newRs = Set("new", 2, maxReplicas: 4);
        var old = Set("old", 2, minutesOld: 5, maxReplicas: 4);

        var plan = ProportionalScaling.Plan(d, newRs, [old]);

        Assert.All(plan, p => Assert.Equal(0, p.Replicas));
        Assert.Equal(2, plan.Count);
    }

    [Fact]
    public void ActiveOrLatest_NoActiveSet_ReturnsTheNewSet()
    {
        var newRs = Set("new", 0);

        Assert.Same(newRs, ProportionalScaling.ActiveOrLatest(newRs, [Set("old", 0, minutesOld: 5)]));
    }

    [Fact]
    public void ActiveOrLatest_NoNewSetNoneActive_ReturnsTheNewestOld()
    {
        var newest = Set("newest", 0, minutesOld: 1);

        Assert.Same(newest, ProportionalScaling.ActiveOrLatest(null, [Set("oldest", 0, minutesOld: 9), newest]));
    }
}
