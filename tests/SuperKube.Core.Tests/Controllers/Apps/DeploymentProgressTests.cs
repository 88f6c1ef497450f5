using SuperKube.Model.Apps;
using static SuperKube.Controllers.Apps.Tests.AppsObjects;

namespace SuperKube.Controllers.Apps.Tests;

public sealed class DeploymentProgressTests
{
    [Fact]
    public void Calculate_RolloutInProgress_CountsAsKubectlReadsThem()
    {
        var d = Deployment(4);
        var old = Set("old", 3, available: 3, minutesOld: 5);
        var newRs = Set("new", 2, available: 1);

        var status = DeploymentProgress.Calculate(d, [old, newRs], newRs, T0);

        Assert.Equal((5, 2, 4, 4, 1, 1L), (status.Replicas, status.UpdatedReplicas, status.ReadyReplicas, status.AvailableReplicas, status.UnavailableReplicas, status.ObservedGeneration));
    }

    [Fact]
    public void Calculate_AvailableAtLeastDesiredMinusMaxUnavailable_IsAvailable()
    {
        var d = Deployment(4);

        var status = DeploymentProgress.Calculate(d, [Set("rs", 4, available: 3)], null, T0);

        var available = DeploymentConditions.Get(status, DeploymentConditions.Available);
        Assert.Equal(("True", DeploymentConditions.MinimumReplicasAvailable), (available?.Status, available?.Reason));
    }

    [Fact]
    public void Calculate_TooFewAvailable_IsNotAvailable()
    {
        var d = Deployment(4);

        var status = DeploymentProgress.Calculate(d, [Set("rs", 4, available: 2)], null, T0);

        Assert.Equal("False", DeploymentConditions.Get(status, DeploymentConditions.Available)?.Status);
    }

    [Fact]
    public void CalculateRollout_AllUpdatedAndAvailable_NewReplicaSetAvailable()
    {
        var d = Deployment(2);
        var newRs = Set("web-1", 2, available: 2);

        var status = DeploymentProgress.CalculateRollout(d, [newRs], newRs, T0);

        var progressing = DeploymentConditions.Get(status, DeploymentConditions.Progressing);
        Assert.Equal(DeploymentConditions.NewReplicaSetAvailable, progressing?.Reason);
        Assert.Equal("ReplicaSet \"web-1\" has successfully progressed.", progressing?.Message);
    }

    [Fact]
    public void CalculateRollout_MorePodsAvailable_ReplicaSetUpdatedKeepsTransitionTime()
    {
        var d = Deployment(3);
        d.Status = new DeploymentStatus
        {
            Replicas = 3, UpdatedReplicas = 3, AvailableReplicas = 1,
            Conditions = [DeploymentConditions.New(DeploymentConditions.Progressing, "True", DeploymentConditions.NewReplicaSetCreated, "created", T0.AddMinutes(-3))],
        };
        var newRs = Set("web-1", 3, available: 2);

        var status = DeploymentProgress.CalculateRollout(d, [newRs], newRs, T0);

        var progressing = DeploymentConditions.Get(status, DeploymentConditions.Progressing)!;
        Assert.Equal(DeploymentConditions.ReplicaSetUpdated, progressing.Reason);
        Assert.Equal((T0.AddMinutes(-3), T0), (progressing.LastTransitionTime, progressing.LastUpdateTime));
    }

    [Fact]
    public void CalculateRollout_NoProgressPastTheDeadline_ProgressDeadlineExceeded()
    {
        var d = Deployment(3);
        d.Spec!.ProgressDeadlineSeconds = 60;
        d.Status = new DeploymentStatus
        {
            Replicas = 3, UpdatedReplicas = 3, ReadyReplicas = 1, AvailableReplicas = 1,
            Conditions = [DeploymentConditions.New(DeploymentConditions.Progressing, "True", DeploymentConditions.ReplicaSetUpdated, "moving", T0.AddMinutes(-2))],
        };
        var newRs = Set("web-1", 3, available: 1);

        var status = DeploymentProgress.CalculateRollout(d, [newRs], newRs, T0);

        var progressing = DeploymentConditions.Get(status, DeploymentConditions.Progressing)!;
        Assert.Equal(("False", DeploymentConditions.ProgressDeadlineExceeded), (progressing.Status, progressing.Reason));
    }

    [Fact]
    public void RecheckAfter_RolloutWithinDeadline_ReturnsTimeLeft()
    {
        var d = Deployment(3);
        d.Spec!.ProgressDeadlineSeconds = 60;
        var status = new DeploymentStatus
        {
            Replicas = 3, UpdatedReplicas = 3, AvailableReplicas = 1,
            Conditions = [DeploymentConditions.New(DeploymentConditions.Progressing, "True", DeploymentConditions.ReplicaSetUpdated, "moving", T0.AddSeconds(-20))],
        };

        Assert.Equal(TimeSpan.FromSeconds(40), DeploymentProgress.RecheckAfter(d, status, T0));
    }

    [Fact]
    public void Set_SameStatusAndReason_KeepsTheExistingCondition()
    {
        var status = new DeploymentStatus();
        DeploymentConditions.Set(status, DeploymentConditions.New(DeploymentConditions.Available, "True", "A", "first", T0));

        DeploymentConditions.Set(status, DeploymentConditions.New(DeploymentConditions.Available, "True", "A", "second", T0.AddMinutes(1)));

        Assert.Equal("first", Assert.Single(status.Conditions!).Message);
    }
}
