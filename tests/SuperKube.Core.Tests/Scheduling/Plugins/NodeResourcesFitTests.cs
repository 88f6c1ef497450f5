using SuperKube.Scheduling.Framework;
using static SuperKube.Scheduling.Tests.SchedulingTestData;

namespace SuperKube.Scheduling.Plugins.Tests;

public sealed class NodeResourcesFitTests
{
    private static NodeResourcesFit Plugin(NodeResourcesFitArgs? args = null) => new(Args(args ?? new NodeResourcesFitArgs()));

    private static SchedulingStatus Fit(PodInfo pod, string allocatable = """{"cpu":"2","memory":"4Gi","pods":"110"}""", params PodInfo[] existing)
    {
        var cache = Snapshot(Node("n1", allocatable: allocatable));
        foreach (var p in existing)
        {
            cache.SetPod(p);
        }

        return Filter(Plugin(), cache, pod, "n1");
    }

    [Fact]
    public void Filter_CpuAndMemoryShort_ListsEveryInsufficientResource()
    {
        var status = Fit(Pod("p", requests: """{"cpu":"1500m","memory":"3Gi"}"""), existing: Pod("old", requests: """{"cpu":"1","memory":"2Gi"}""", node: "n1"));

        Assert.Equal(SchedulingStatusCode.Unschedulable, status.Code);
        Assert.Equal(["Insufficient cpu", "Insufficient memory"], status.Reasons);
    }

    [Fact]
    public void Filter_NodeFullOfPods_TooManyPods()
    {
        var status = Fit(Pod("p"), """{"cpu":"2","memory":"4Gi","pods":"1"}""", Pod("old", node: "n1"));

        Assert.Equal(["Too many pods"], status.Reasons);
    }

    [Fact]
    public void Filter_ExactFit_Passes() =>
        Assert.True(Fit(Pod("p", requests: """{"cpu":"1","memory":"2Gi"}"""), existing: Pod("old", requests: """{"cpu":"1","memory":"2Gi"}""", node: "n1")).IsSuccess);

    [Fact]
    public void Filter_InitContainerLargerThanContainers_CountsItsPeak()
    {
        var pod = Pod("p", """{"initContainers":[{"name":"init","image":"x","resources":{"requests":{"cpu":"3"}}}]}""", requests: """{"cpu":"1"}""");

        Assert.Equal(3000, pod.Requests.MilliCpu);
        Assert.Equal(["Insufficient cpu"], Fit(pod).Reasons);
    }

    [Fact]
    public void Requests_Sidecars_AddToSteadyStateAndToLaterInitContainers()
    {
        var pod = Pod("p", """{"initContainers":[{"name":"sidecar","image":"x","restartPolicy":"Always","resources":{"requests":{"cpu":"500m"}}},{"name":"init","image":"x","resources":{"requests":{"cpu":"1"}}}]}""", requests: """{"cpu":"200m"}""");

        Assert.Equal(1500, pod.Requests.MilliCpu); // max(200m + 500m, 500m + 1)
    }

    [Fact]
    public void Requests_Overhead_IsAdded()
    {
        var pod = Pod("p", """{"overhead":{"cpu":"250m","memory":"120Mi"}}""", requests: """{"cpu":"1","memory":"1Gi"}""");

        Assert.Equal(1250, pod.Requests.MilliCpu);
        Assert.Equal((1024L + 120) * 1024 * 1024, pod.Requests.Memory);
    }

    [Fact]
    public void Filter_ExtendedResourceMissingOnNode_Insufficient()
    {
        var status = Fit(Pod("p", requests: """{"example.com/gpu":"1"}"""));

        Assert.Equal(["Insufficient example.com/gpu"], status.Reasons);
    }

    [Fact]
    public void Filter_IgnoredResourceGroup_IsNotChecked()
    {
        var args = new NodeResourcesFitArgs();
        args.IgnoredResourceGroups.Add("example.com");
        var cache = Snapshot(Node("n1"));

        Assert.True(Filter(Plugin(args), cache, Pod("p", requests: """{"example.com/gpu":"1"}"""), "n1").IsSuccess);
    }

    [Fact]
    public void Score_LeastAllocated_PrefersTheEmptierNode()
    {
        var cache = Snapshot(Node("busy", allocatable: """{"cpu":"4","memory":"8Gi","pods":"10"}"""), Node("idle", allocatable: """{"cpu":"4","memory":"8Gi","pods":"10"}"""));
        cache.SetPod(Pod("old", requests: """{"cpu":"2","memory":"4Gi"}""", node: "busy"));

        var scores = Scores(Plugin(), cache, Pod("p", requests: """{"cpu":"1","memory":"2Gi"}"""));

        Assert.Equal(25, scores["busy"]); // (4-3)/4 for both resources
        Assert.Equal(75, scores["idle"]);
    }

    [Fact]
    public void Score_PodWithoutRequests_UsesNonZeroDefaults()
    {
        var cache = Snapshot(Node("n1", allocatable: """{"cpu":"1","memory":"1Gi","pods":"10"}"""));

        var score = Scores(Plugin(), cache, Pod("p"))["n1"];

        Assert.Equal((90 + 80) / 2, score); // 100m of 1 CPU, 200Mi of 1Gi
    }

    [Fact]
    public void Score_MostAllocated_PrefersTheFullerNode()
    {
        var args = new NodeResourcesFitArgs { ScoringStrategy = NodeResourcesFitStrategies.MostAllocated };
        var cache = Snapshot(Node("busy"), Node("idle"));
        cache.SetPod(Pod("old", requests: """{"cpu":"2","memory":"4Gi"}""", node: "busy"));

        var scores = Scores(Plugin(args), cache, Pod("p", requests: """{"cpu":"1","memory":"2Gi"}"""));

        Assert.Equal(75, scores["busy"]);
        Assert.Equal(25, scores["idle"]);
    }

    [Fact]
    public void Score_RequestedToCapacityRatio_FollowsTheShape()
    {
        var args = new NodeResourcesFitArgs { ScoringStrategy = NodeResourcesFitStrategies.RequestedToCapacityRatio };
        args.Shape.Add(new UtilizationShapePoint(0, 0));
        args.Shape.Add(new UtilizationShapePoint(100, 10));
        var cache = Snapshot(Node("n1"));

        var score = Scores(Plugin(args), cache, Pod("p", requests: """{"cpu":"2","memory":"4Gi"}"""))["n1"];

        Assert.Equal(50, score);
    }
}
