using SuperKube.Model;
using SuperKube.Model.Apps;
using SuperKube.Model.Core;
using SuperKube.Model.Meta;

namespace SuperKube.Controllers.Apps.Tests;

public sealed class DaemonSetPlannerTests
{
    private static DaemonSet Ds(IntOrString? maxUnavailable = null, IntOrString? maxSurge = null) => new()
    {
        Metadata = new ObjectMeta { Name = "agent", Namespace = "ns" },
        Spec = new DaemonSetSpec
        {
            UpdateStrategy = new DaemonSetUpdateStrategy { Type = "RollingUpdate", RollingUpdate = new RollingUpdateDaemonSet { MaxUnavailable = maxUnavailable, MaxSurge = maxSurge } },
        },
    };

    private static Node Node(string name) => new() { Metadata = new ObjectMeta { Name = name } };

    private static Pod Pod(string name, string node, string hash, bool ready = true) => new()
    {
        Metadata = new ObjectMeta { Name = name, Labels = new Dictionary<string, string> { [ControllerRevisions.HashLabel] = hash } },
        Spec = new PodSpec { NodeName = node },
        Status = new PodStatus { Phase = "Running", Conditions = [new PodCondition { Type = "Ready", Status = ready ? "True" : "False" }] },
    };

    private static DaemonSetStep Plan(DaemonSet ds, Node[] nodes, params Pod[] pods) =>
        DaemonSetPlanner.Plan(ds, DaemonSetNode.Group(nodes, pods, new PodSpec(), "new"), AppsObjects.T0);

    [Fact]
    public void Plan_NodesWithoutPods_CreatesOnEach() =>
        Assert.Equal(["a", "b"], Plan(Ds(), [Node("a"), Node("b")]).Create);

    [Fact]
    public void Plan_PodOnVanishedNode_Deleted() =>
        Assert.Equal(["p"], Plan(Ds(), [Node("a")], Pod("p", "gone", "new"), Pod("q", "a", "new")).Delete);

    [Fact]
    public void Plan_DuplicatePods_KeepsOne() =>
        Assert.Single(Plan(Ds(), [Node("a")], Pod("p", "a", "new"), Pod("q", "a", "new")).Delete);

    [Fact]
    public void Plan_RollingUpdateMaxUnavailableOne_DeletesOneOldPod()
    {
        var step = Plan(Ds(), [Node("a"), Node("b")], Pod("p", "a", "old"), Pod("q", "b", "old"));

        Assert.Equal(["p"], step.Delete);
        Assert.Empty(step.Create);
    }

    [Fact]
    public void Plan_RollingUpdateBudgetUsed_Waits() =>
        Assert.Empty(Plan(Ds(), [Node("a"), Node("b")], Pod("p", "a", "new", ready: false), Pod("q", "b", "old")).Delete);

    [Fact]
    public void Plan_Surge_CreatesNewBeforeDeletingOld()
    {
        var surge = Plan(Ds(maxUnavailable: 0, maxSurge: 1), [Node("a"), Node("b")], Pod("p", "a", "old"), Pod("q", "b", "old"));
        var handover = Plan(Ds(maxUnavailable: 0, maxSurge: 1), [Node("a"), Node("b")], Pod("p", "a", "old"), Pod("n", "a", "new"), Pod("q", "b", "old"));

        Assert.Equal(["a"], surge.Create);
        Assert.Empty(surge.Delete);
        Assert.Equal(["p"], handover.Delete);
    }
}
