using SuperKube.Model.Apps;
using static SuperKube.Controllers.Apps.Tests.AppsObjects;

namespace SuperKube.Controllers.Apps.Tests;

public sealed class ReplicaSetStatusCalculatorTests
{
    [Fact]
    public void Calculate_MinReadySeconds_CountsOnlyPodsReadyLongEnoughAsAvailable()
    {
        var rs = Set("rs", 3);
        rs.Metadata!.Generation = 4;
        rs.Spec!.MinReadySeconds = 30;
        var unlabeled = Pod("c", readySince: T0.AddSeconds(-5));
        unlabeled.Metadata!.Labels = new Dictionary<string, string>();

        var status = ReplicaSetStatusCalculator.Calculate(rs, [Pod("a", readySince: T0.AddMinutes(-5)), Pod("b", ready: false), unlabeled], null, T0);

        Assert.Equal((3, 2, 2, 1, 4L), (status.Replicas, status.FullyLabeledReplicas, status.ReadyReplicas, status.AvailableReplicas, status.ObservedGeneration));
        Assert.Null(status.Conditions);
    }

    [Fact]
    public void Calculate_CreateFailed_AddsReplicaFailureAndRemovesItOnceFixed()
    {
        var rs = Set("rs", 1);

        var failed = ReplicaSetStatusCalculator.Calculate(rs, [], ("FailedCreate", "quota exceeded"), T0);
        rs.Status = failed;
        var fixedStatus = ReplicaSetStatusCalculator.Calculate(rs, [Pod("a")], null, T0);

        var condition = Assert.Single(failed.Conditions!);
        Assert.Equal(("ReplicaFailure", "FailedCreate", "quota exceeded"), (condition.Type, condition.Reason, condition.Message));
        Assert.Null(fixedStatus.Conditions);
    }

    [Fact]
    public void NextAvailability_PodReadyButNotLongEnough_ReturnsTheRemainingWait()
    {
        var rs = Set("rs", 2);
        rs.Spec!.MinReadySeconds = 30;

        var wait = ReplicaSetStatusCalculator.NextAvailability(rs, [Pod("a", readySince: T0.AddSeconds(-10)), Pod("b", readySince: T0.AddMinutes(-5))], T0);

        Assert.NotNull(wait);
        Assert.InRange(wait.Value, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(21));
    }

    [Fact]
    public void NextAvailability_NoMinReadySeconds_IsNull()
    {
        Assert.Null(ReplicaSetStatusCalculator.NextAvailability(Set("rs", 1), [Pod("a", readySince: T0)], T0));
    }
}
