using SuperKube.Scheduling.Framework;
using static SuperKube.Scheduling.Tests.SchedulingTestData;

namespace SuperKube.Scheduling.Plugins.Tests;

public sealed class NodeResourcesBalancedAllocationTests
{
    private static NodeResourcesBalancedAllocation Plugin() => new(Args(new NodeResourcesBalancedAllocationArgs()));

    [Fact]
    public void Score_BalancedUse_BeatsLopsidedUse()
    {
        var cache = Snapshot(Node("cpu-heavy"), Node("even"));
        cache.SetPod(Pod("old", requests: """{"cpu":"3"}""", node: "cpu-heavy"));

        var scores = Scores(Plugin(), cache, Pod("p", requests: """{"cpu":"1","memory":"2Gi"}"""));

        Assert.Equal(100, scores["even"]); // 25% CPU, 25% memory
        Assert.Equal(62, scores["cpu-heavy"]); // 100% CPU, 25% memory: 1 - 0.75/2
    }

    [Fact]
    public void PreScore_PodWithoutRequests_Skips() =>
        Assert.Equal(SchedulingStatusCode.Skip, Plugin().PreScore(State(Snapshot()), Pod("p"), []).Code);
}
