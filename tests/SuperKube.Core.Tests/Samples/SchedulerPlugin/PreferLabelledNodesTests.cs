using Microsoft.Extensions.DependencyInjection;
using SuperKube.Scheduling;
using SuperKube.Scheduling.Tests;

namespace SchedulerPlugin.Tests;

/// <summary>The sample plugin changes where pods go when added with AddSchedulerPlugin.</summary>
public sealed class PreferLabelledNodesTests
{
    private static async Task<HashSet<string>> PlaceThreePodsAsync(bool withPlugin)
    {
        await using var host = await SchedulerTestHost.StartAsync(b =>
        {
            if (withPlugin)
            {
                b.AddSchedulerPlugin<PreferLabelledNodes>()
                    .ConfigureScheduler(o => o.Profiles[SchedulerOptions.DefaultSchedulerName].Weight(nameof(PreferLabelledNodes), 5));
            }
        });
        await host.NodeAsync("plain", $$"""{"{{PreferLabelledNodes.Label}}":"false"}""");
        await host.NodeAsync("fancy", $$"""{"{{PreferLabelledNodes.Label}}":"true"}""");
        var nodes = new HashSet<string>();
        for (var i = 0; i < 3; i++)
        {
            await host.PodAsync($"p{i}");
            var pod = await host.PodWhenAsync($"p{i}", p => SchedulerTestHost.NodeName(p) is not null);
            nodes.Add(SchedulerTestHost.NodeName(pod)!);
        }

        return nodes;
    }

    [Fact]
    public async Task Score_WithPlugin_EveryPodGoesToTheLabelledNode() => Assert.Equal(["fancy"], await PlaceThreePodsAsync(withPlugin: true));

    [Fact]
    public async Task Score_WithoutPlugin_PodsSpreadOverBothNodes() => Assert.Equal(2, (await PlaceThreePodsAsync(withPlugin: false)).Count);

    [Fact]
    public void Score_LabelledNode_GetsTheMaximum()
    {
        var cache = SchedulingTestData.Snapshot(
            SchedulingTestData.Node("fancy", $$"""{"{{PreferLabelledNodes.Label}}":"true"}"""), SchedulingTestData.Node("plain"));

        var scores = SchedulingTestData.Scores(new PreferLabelledNodes(), cache, SchedulingTestData.Pod("p"));

        Assert.Equal(100, scores["fancy"]);
        Assert.Equal(0, scores["plain"]);
    }
}
