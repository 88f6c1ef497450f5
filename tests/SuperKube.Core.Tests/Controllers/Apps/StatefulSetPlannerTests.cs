using SuperKube.Model.Apps;
using SuperKube.Model.Core;
using SuperKube.Model.Meta;

namespace SuperKube.Controllers.Apps.Tests;

public sealed class StatefulSetPlannerTests
{
    private static StatefulSet Set(int replicas, string policy = "OrderedReady", int partition = 0, string strategy = "RollingUpdate") => new()
    {
        Metadata = new ObjectMeta { Name = "web", Namespace = "ns" },
        Spec = new StatefulSetSpec
        {
            Replicas = replicas,
            PodManagementPolicy = policy,
            UpdateStrategy = new StatefulSetUpdateStrategy { Type = strategy, RollingUpdate = new RollingUpdateStatefulSetStrategy { Partition = partition } },
        },
    };

    private static Pod Pod(int ordinal, bool ready = true, string revision = "web-1", bool deleting = false) => new()
    {
        Metadata = new ObjectMeta
        {
            Name = "web-" + ordinal,
            Labels = new Dictionary<string, string> { [ControllerRevisions.HashLabel] = revision },
            DeletionTimestamp = deleting ? AppsObjects.T0 : null,
        },
        Status = new PodStatus { Phase = "Running", Conditions = [new PodCondition { Type = "Ready", Status = ready ? "True" : "False" }] },
    };

    [Fact]
    public void Plan_OrderedNoPods_CreatesOrdinalZeroOnly() => Assert.Equal([0], StatefulSetPlanner.Plan(Set(3), [], "web-1").Create);

    [Fact]
    public void Plan_OrderedLowerNotReady_Waits()
    {
        var step = StatefulSetPlanner.Plan(Set(3), [Pod(0, ready: false)], "web-1");

        Assert.Empty(step.Create);
        Assert.Empty(step.Delete);
    }

    [Fact]
    public void Plan_OrderedLowerReady_CreatesNext() => Assert.Equal([1], StatefulSetPlanner.Plan(Set(3), [Pod(0)], "web-1").Create);

    [Fact]
    public void Plan_Parallel_CreatesAllMissing() => Assert.Equal([0, 1, 2], StatefulSetPlanner.Plan(Set(3, "Parallel"), [], "web-1").Create);

    [Fact]
    public void Plan_OrderedScaleDown_DeletesHighestFirstOneAtATime()
    {
        var step = StatefulSetPlanner.Plan(Set(1), [Pod(0), Pod(1), Pod(2)], "web-1");

        Assert.Equal(["web-2"], step.Delete);
    }

    [Fact]
    public void Plan_OrderedScaleDownWhileHigherTerminating_Waits() =>
        Assert.Empty(StatefulSetPlanner.Plan(Set(1), [Pod(0), Pod(1), Pod(2, deleting: true)], "web-1").Delete);

    [Fact]
    public void Plan_RollingUpdate_ReplacesHighestOldPod() =>
        Assert.Equal(["web-2"], StatefulSetPlanner.Plan(Set(3), [Pod(0), Pod(1), Pod(2)], "web-2").Delete);

    [Fact]
    public void Plan_RollingUpdateWithPartition_StopsAtPartition()
    {
        var pods = new[] { Pod(0), Pod(1), Pod(2, revision: "web-2") };

        Assert.Empty(StatefulSetPlanner.Plan(Set(3, partition: 2), pods, "web-2").Delete);
        Assert.Equal(["web-1"], StatefulSetPlanner.Plan(Set(3, partition: 1), pods, "web-2").Delete);
    }

    [Fact]
    public void Plan_OnDelete_LeavesOldPods() =>
        Assert.Empty(StatefulSetPlanner.Plan(Set(2, strategy: "OnDelete"), [Pod(0), Pod(1)], "web-2").Delete);

    [Theory]
    [InlineData("web-12", 12)]
    [InlineData("web-x", -1)]
    [InlineData("other-1", -1)]
    public void Ordinal_FromName(string name, int expected) => Assert.Equal(expected, StatefulSetPlanner.Ordinal("web", name));
}
