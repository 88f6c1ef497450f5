using SuperKube.Model.Core;
using static SuperKube.Controllers.Apps.Tests.AppsObjects;

namespace SuperKube.Controllers.Apps.Tests;

public sealed class PodDeletionOrderTests
{
    [Fact]
    public void Sort_MixedPods_UnscheduledThenPendingThenNotReadyThenReady()
    {
        var pods = new List<Pod>
        {
            Pod("ready", node: "n1"),
            Pod("not-ready", node: "n1", ready: false),
            Pod("pending", node: "n1", phase: "Pending", ready: false),
            Pod("unscheduled", phase: "Pending", ready: false),
        };

        pods.Sort(PodDeletionOrder.For(pods));

        Assert.Equal(["unscheduled", "pending", "not-ready", "ready"], pods.Select(p => p.Metadata!.Name));
    }

    [Fact]
    public void Sort_DeletionCostAnnotation_LowerCostGoesFirst()
    {
        var cheap = Pod("cheap", node: "n1");
        cheap.Metadata!.Annotations = new Dictionary<string, string> { [PodDeletionOrder.DeletionCostAnnotation] = "-5" };
        var pods = new List<Pod> { Pod("default", node: "n2"), cheap };

        pods.Sort(PodDeletionOrder.For(pods));

        Assert.Equal("cheap", pods[0].Metadata!.Name);
    }

    [Fact]
    public void Sort_DoubledUpNode_PodsSharingANodeGoFirst()
    {
        var pods = new List<Pod> { Pod("alone", node: "n1"), Pod("shared-1", node: "n2"), Pod("shared-2", node: "n2") };

        pods.Sort(PodDeletionOrder.For(pods));

        Assert.Equal("alone", pods[2].Metadata!.Name);
    }

    [Fact]
    public void Sort_ReadyPods_RecentlyReadyFirstThenMoreRestartsThenNewer()
    {
        var pods = new List<Pod>
        {
            Pod("long-ready", node: "n1", readySince: T0.AddHours(-2)),
            Pod("just-ready", node: "n2", readySince: T0.AddMinutes(-1)),
        };

        pods.Sort(PodDeletionOrder.For(pods));

        Assert.Equal("just-ready", pods[0].Metadata!.Name);
    }

    [Fact]
    public void Sort_SameReadinessDifferentRestarts_MoreRestartsFirst()
    {
        var pods = new List<Pod> { Pod("steady", node: "n1", restarts: 0), Pod("crashy", node: "n2", restarts: 7) };

        pods.Sort(PodDeletionOrder.For(pods));

        Assert.Equal("crashy", pods[0].Metadata!.Name);
    }

    [Fact]
    public void Sort_OtherwiseEqual_NewerPodFirst()
    {
        var pods = new List<Pod> { Pod("old", node: "n1", ready: false, minutesOld: 30), Pod("new", node: "n2", ready: false, minutesOld: 1) };

        pods.Sort(PodDeletionOrder.For(pods));

        Assert.Equal("new", pods[0].Metadata!.Name);
    }
}
