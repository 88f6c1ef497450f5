using SuperKube.Scheduling.Framework;
using static SuperKube.Scheduling.Tests.SchedulingTestData;

namespace SuperKube.Scheduling.Plugins.Tests;

public sealed class PodTopologySpreadTests
{
    private static string Spread(int maxSkew = 1, string when = "DoNotSchedule", string extra = "") =>
        $$$"""{"topologySpreadConstraints":[{"maxSkew":{{{maxSkew}}},"topologyKey":"zone","whenUnsatisfiable":"{{{when}}}","labelSelector":{"matchLabels":{"app":"web"}}{{{extra}}}}]}""";

    private static Cache.SchedulerCache Zones(params (string Node, int Pods)[] placed)
    {
        var cache = Snapshot(Node("a1", """{"zone":"a"}"""), Node("b1", """{"zone":"b"}"""), Node("c1", """{"zone":"c"}"""));
        var i = 0;
        foreach (var (node, pods) in placed)
        {
            for (var n = 0; n < pods; n++)
            {
                cache.SetPod(Pod($"web-{i++}", labels: """{"app":"web"}""", node: node));
            }
        }

        return cache;
    }

    private static PodInfo Incoming(string spec) => Pod("new", spec, """{"app":"web"}""");

    [Fact]
    public void Filter_PlacementExceedingMaxSkew_IsRejected()
    {
        var cache = Zones(("a1", 1), ("b1", 1));

        var a = Filter(new PodTopologySpread(), cache, Incoming(Spread()), "a1");

        Assert.Equal(SchedulingStatusCode.Unschedulable, a.Code);
        Assert.Equal("node(s) didn't match pod topology spread constraints", a.Message);
        Assert.True(Filter(new PodTopologySpread(), cache, Incoming(Spread()), "c1").IsSuccess);
        Assert.True(Filter(new PodTopologySpread(), cache, Incoming(Spread(maxSkew: 2)), "a1").IsSuccess);
    }

    [Fact]
    public void Filter_NodeWithoutTopologyKey_IsUnresolvable()
    {
        var cache = Zones();
        cache.SetNode(Node("bare"));

        var status = Filter(new PodTopologySpread(), cache, Incoming(Spread()), "bare");

        Assert.Equal(SchedulingStatusCode.UnschedulableAndUnresolvable, status.Code);
        Assert.Equal("node(s) didn't match pod topology spread constraints (missing required label)", status.Message);
    }

    [Fact]
    public void Filter_FewerDomainsThanMinDomains_TreatsTheMinimumAsZero()
    {
        var cache = Zones(("a1", 1), ("b1", 1), ("c1", 1));

        Assert.True(Filter(new PodTopologySpread(), cache, Incoming(Spread()), "a1").IsSuccess);
        Assert.False(Filter(new PodTopologySpread(), cache, Incoming(Spread(extra: ""","minDomains":4""")), "a1").IsSuccess);
    }

    [Fact]
    public void Filter_NodeAffinityPolicyHonor_IgnoresDomainsThePodCannotUse()
    {
        var cache = Zones(("a1", 2), ("b1", 1));
        var onlyAb = Spread() + "";
        var spec = onlyAb[..^1] + ""","affinity":{"nodeAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":{"nodeSelectorTerms":[{"matchExpressions":[{"key":"zone","operator":"In","values":["a","b"]}]}]}}}}""";
        var ignore = Spread(extra: ""","nodeAffinityPolicy":"Ignore" """)[..^1] + spec[(Spread().Length - 1)..];

        Assert.True(Filter(new PodTopologySpread(), cache, Incoming(spec), "b1").IsSuccess); // min over a,b is 1
        Assert.False(Filter(new PodTopologySpread(), cache, Incoming(ignore), "b1").IsSuccess); // c counts: min 0
    }

    [Fact]
    public void Filter_NodeTaintsPolicyHonor_IgnoresTaintedDomains()
    {
        var cache = Zones(("a1", 1), ("b1", 1));
        cache.SetNode(Node("c1", """{"zone":"c"}""", spec: """{"taints":[{"key":"k","value":"v","effect":"NoSchedule"}]}"""));

        Assert.False(Filter(new PodTopologySpread(), cache, Incoming(Spread()), "a1").IsSuccess);
        Assert.True(Filter(new PodTopologySpread(), cache, Incoming(Spread(extra: ""","nodeTaintsPolicy":"Honor" """)), "a1").IsSuccess);
    }

    [Fact]
    public void AddPod_CountsThePodInItsDomain()
    {
        var cache = Zones();
        var pod = Incoming(Spread());
        var state = State(cache);
        new PodTopologySpread().PreFilter(state, pod);

        new PodTopologySpread().AddPod(state, pod, Pod("x", labels: """{"app":"web"}""", node: "a1"), cache.GetNode("a1")!);

        Assert.False(new PodTopologySpread().Filter(state, pod, cache.GetNode("a1")!).IsSuccess);
        Assert.True(new PodTopologySpread().Filter(state, pod, cache.GetNode("b1")!).IsSuccess);
    }

    [Fact]
    public void Score_ScheduleAnyway_PrefersTheEmptierDomain()
    {
        var cache = Zones(("a1", 3), ("b1", 1));

        var scores = Scores(new PodTopologySpread(), cache, Incoming(Spread(when: "ScheduleAnyway")));

        Assert.Equal(100, scores["c1"]);
        Assert.True(scores["b1"] > scores["a1"]);
    }

    [Fact]
    public void PreFilter_NoHardConstraints_Skips() =>
        Assert.Equal(SchedulingStatusCode.Skip, new PodTopologySpread().PreFilter(State(Zones()), Incoming(Spread(when: "ScheduleAnyway"))).Code);
}
