using SuperKube.Scheduling.Framework;
using static SuperKube.Scheduling.Tests.SchedulingTestData;

namespace SuperKube.Scheduling.Plugins.Tests;

public sealed class InterPodAffinityTests
{
    private const string Zones = "zone";

    private static InterPodAffinity Plugin() => new(Args(new InterPodAffinityArgs()));

    private static Cache.SchedulerCache TwoZones() => Snapshot(
        Node("a1", """{"zone":"a","kubernetes.io/hostname":"a1"}"""),
        Node("a2", """{"zone":"a","kubernetes.io/hostname":"a2"}"""),
        Node("b1", """{"zone":"b","kubernetes.io/hostname":"b1"}"""));

    private static string Term(string kind, string selector, string topologyKey = Zones, string extra = "") =>
        $$$"""{"affinity":{"{{{kind}}}":{"requiredDuringSchedulingIgnoredDuringExecution":[{"labelSelector":{"matchLabels":{{{selector}}}},"topologyKey":"{{{topologyKey}}}"{{{extra}}}""" + "}]}}}";

    [Fact]
    public void Filter_RequiredAntiAffinity_RejectsEveryNodeOfTheDomain()
    {
        var cache = TwoZones();
        cache.SetPod(Pod("web-1", labels: """{"app":"web"}""", node: "a1"));
        var pod = Pod("web-2", Term("podAntiAffinity", """{"app":"web"}"""), """{"app":"web"}""");

        var a2 = Filter(Plugin(), cache, pod, "a2");

        Assert.Equal(SchedulingStatusCode.Unschedulable, a2.Code);
        Assert.Equal("node(s) didn't match pod anti-affinity rules", a2.Message);
        Assert.True(Filter(Plugin(), cache, pod, "b1").IsSuccess);
    }

    [Fact]
    public void Filter_ExistingPodsAntiAffinity_RejectsTheIncomingPod()
    {
        var cache = TwoZones();
        cache.SetPod(Pod("db", Term("podAntiAffinity", """{"app":"web"}""", "kubernetes.io/hostname"), node: "a1"));

        var status = Filter(Plugin(), cache, Pod("web", labels: """{"app":"web"}"""), "a1");

        Assert.Equal("node(s) didn't satisfy existing pods anti-affinity rules", status.Message);
        Assert.True(Filter(Plugin(), cache, Pod("web", labels: """{"app":"web"}"""), "a2").IsSuccess);
    }

    [Fact]
    public void Filter_RequiredAffinity_NeedsAMatchingPodInTheDomain()
    {
        var cache = TwoZones();
        cache.SetPod(Pod("cache", labels: """{"app":"cache"}""", node: "b1"));
        var pod = Pod("web", Term("podAffinity", """{"app":"cache"}"""));

        var a1 = Filter(Plugin(), cache, pod, "a1");

        Assert.Equal(SchedulingStatusCode.UnschedulableAndUnresolvable, a1.Code);
        Assert.Equal("node(s) didn't match pod affinity rules", a1.Message);
        Assert.True(Filter(Plugin(), cache, pod, "b1").IsSuccess);
    }

    [Fact]
    public void Filter_FirstPodOfASelfAffineGroup_MayGoAnywhere()
    {
        var pod = Pod("web-1", Term("podAffinity", """{"app":"web"}"""), """{"app":"web"}""");

        Assert.True(Filter(Plugin(), TwoZones(), pod, "a1").IsSuccess);
        Assert.False(Filter(Plugin(), TwoZones(), Pod("other", Term("podAffinity", """{"app":"web"}""")), "a1").IsSuccess);
    }

    [Fact]
    public void Filter_NodeWithoutTheTopologyKey_FailsAffinity()
    {
        var cache = Snapshot(Node("bare"));

        Assert.False(Filter(Plugin(), cache, Pod("web-1", Term("podAffinity", """{"app":"web"}"""), """{"app":"web"}"""), "bare").IsSuccess);
    }

    [Fact]
    public void Filter_TermOnlyLooksAtItsNamespaces()
    {
        var cache = TwoZones();
        cache.SetPod(Pod("web-1", labels: """{"app":"web"}""", node: "a1", ns: "other"));

        Assert.True(Filter(Plugin(), cache, Pod("web-2", Term("podAntiAffinity", """{"app":"web"}""")), "a2").IsSuccess);
        Assert.False(Filter(Plugin(), cache, Pod("web-3", Term("podAntiAffinity", """{"app":"web"}""", extra: ""","namespaces":["other"]""")), "a2").IsSuccess);
        Assert.False(Filter(Plugin(), cache, Pod("web-4", Term("podAntiAffinity", """{"app":"web"}""", extra: ""","namespaceSelector":{}""")), "a2").IsSuccess);
    }

    [Fact]
    public void RemovePod_ClearsTheAntiAffinityConflict()
    {
        var cache = TwoZones();
        var existing = Pod("web-1", labels: """{"app":"web"}""", node: "a1");
        cache.SetPod(existing);
        var pod = Pod("web-2", Term("podAntiAffinity", """{"app":"web"}"""), """{"app":"web"}""");
        var state = State(cache);
        Plugin().PreFilter(state, pod);

        Plugin().RemovePod(state, pod, existing, cache.GetNode("a1")!);

        Assert.True(Plugin().Filter(state, pod, cache.GetNode("a2")!).IsSuccess);
    }

    [Fact]
    public void Score_PreferredAffinity_FavoursTheDomainWithMatchingPods()
    {
        var cache = TwoZones();
        cache.SetPod(Pod("cache", labels: """{"app":"cache"}""", node: "b1"));
        var pod = Pod("web", """{"affinity":{"podAffinity":{"preferredDuringSchedulingIgnoredDuringExecution":[{"weight":50,"podAffinityTerm":{"labelSelector":{"matchLabels":{"app":"cache"}},"topologyKey":"zone"}}]}}}""");

        var scores = Scores(Plugin(), cache, pod);

        Assert.Equal(100, scores["b1"]);
        Assert.Equal(0, scores["a1"]);
    }

    [Fact]
    public void Score_PreferredAntiAffinity_AvoidsTheDomain()
    {
        var cache = TwoZones();
        cache.SetPod(Pod("web-1", labels: """{"app":"web"}""", node: "a1"));
        var pod = Pod("web-2", """{"affinity":{"podAntiAffinity":{"preferredDuringSchedulingIgnoredDuringExecution":[{"weight":10,"podAffinityTerm":{"labelSelector":{"matchLabels":{"app":"web"}},"topologyKey":"zone"}}]}}}""");

        var scores = Scores(Plugin(), cache, pod);

        Assert.Equal(0, scores["a2"]);
        Assert.Equal(100, scores["b1"]);
    }
}
