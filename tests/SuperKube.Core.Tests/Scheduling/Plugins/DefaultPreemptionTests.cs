using SuperKube.Scheduling.Cache;
using SuperKube.Scheduling.Framework;
using static SuperKube.Scheduling.Tests.SchedulingTestData;

namespace SuperKube.Scheduling.Plugins.Tests;

public sealed class DefaultPreemptionTests
{
    private const string TwoCpus = """{"cpu":"2","memory":"4Gi","pods":"110"}""";

    private static (List<PodInfo> Victims, int Violations, SchedulingStatus Status) Select(
        SchedulerCache cache, PodInfo pod, string node, params DisruptionBudget[] budgets)
    {
        var framework = DefaultFramework();
        var state = State(cache, framework);
        framework.RunPreFilter(state, pod);
        return DefaultPreemption.SelectVictims(framework, state, pod, cache.GetNode(node)!.Clone(), budgets);
    }

    [Fact]
    public void SelectVictims_EvictsOnlyWhatIsNeeded_LowestPriorityFirst()
    {
        var cache = Snapshot(Node("n1", allocatable: TwoCpus));
        cache.SetPod(Pod("low", requests: """{"cpu":"1"}""", node: "n1", priority: 1));
        cache.SetPod(Pod("mid", requests: """{"cpu":"1"}""", node: "n1", priority: 5));

        var (victims, violations, status) = Select(cache, Pod("high", requests: """{"cpu":"1"}""", priority: 10), "n1");

        Assert.True(status.IsSuccess);
        Assert.Equal(["low"], victims.Select(v => v.Name));
        Assert.Equal(0, violations);
    }

    [Fact]
    public void SelectVictims_NoLowerPriorityPods_NoVictimsFound()
    {
        var cache = Snapshot(Node("n1", allocatable: TwoCpus));
        cache.SetPod(Pod("peer", requests: """{"cpu":"2"}""", node: "n1", priority: 10));

        var (_, _, status) = Select(cache, Pod("p", requests: """{"cpu":"1"}""", priority: 10), "n1");

        Assert.Equal(SchedulingStatusCode.UnschedulableAndUnresolvable, status.Code);
        Assert.Equal("No preemption victims found for incoming pod", status.Message);
    }

    [Fact]
    public void SelectVictims_EvenWithoutVictimsItDoesNotFit_ReturnsTheFilterReason()
    {
        var cache = Snapshot(Node("n1", allocatable: TwoCpus));
        cache.SetPod(Pod("low", requests: """{"cpu":"1"}""", node: "n1", priority: 1));

        var (_, _, status) = Select(cache, Pod("huge", requests: """{"cpu":"3"}""", priority: 10), "n1");

        Assert.Equal(["Insufficient cpu"], status.Reasons);
    }

    [Fact]
    public void SelectVictims_PodProtectedByBudget_IsReprievedFirst()
    {
        var cache = Snapshot(Node("n1", allocatable: TwoCpus));
        cache.SetPod(Pod("guarded", requests: """{"cpu":"1"}""", labels: """{"app":"db"}""", node: "n1", priority: 1));
        cache.SetPod(Pod("free", requests: """{"cpu":"1"}""", node: "n1", priority: 1));
        var budget = new DisruptionBudget("default", LabelMatcher.From(new Model.Meta.LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "db" } }), 0, new HashSet<string>());

        var (victims, violations, _) = Select(cache, Pod("high", requests: """{"cpu":"1"}""", priority: 10), "n1", budget);

        Assert.Equal(["free"], victims.Select(v => v.Name));
        Assert.Equal(0, violations);
    }

    [Fact]
    public void SplitByBudgets_MoreVictimsThanAllowed_ViolateInOrder()
    {
        var budget = new DisruptionBudget("default", LabelMatcher.From(new Model.Meta.LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "db" } }), 1, new HashSet<string>());
        var pods = new[] { Pod("a", labels: """{"app":"db"}"""), Pod("b", labels: """{"app":"db"}"""), Pod("c") };

        var (violating, allowed) = DefaultPreemption.SplitByBudgets(pods, [budget]);

        Assert.Equal(["b"], violating.Select(p => p.Name));
        Assert.Equal(["a", "c"], allowed.Select(p => p.Name));
    }

    [Fact]
    public void Pick_PrefersFewerViolationsThenLowerTopPriorityThenFewerVictims()
    {
        var n1 = new NodeInfo("n1");
        var n2 = new NodeInfo("n2");
        var n3 = new NodeInfo("n3");
        var violating = new PreemptionCandidate(n1, [Pod("v", priority: 1)], 1);
        var highVictim = new PreemptionCandidate(n2, [Pod("h", priority: 8)], 0);
        var twoLow = new PreemptionCandidate(n3, [Pod("l1", priority: 2), Pod("l2", priority: 2)], 0);

        Assert.Same(twoLow, PreemptionCandidate.Pick([violating, highVictim, twoLow]));
        Assert.Same(highVictim, PreemptionCandidate.Pick([violating, highVictim]));
    }

    [Fact]
    public void MoreImportantFirst_OrdersByPriorityThenStartTime()
    {
        var pods = new List<PodInfo> { Pod("low", priority: 1), Pod("high", priority: 9) };

        pods.Sort(DefaultPreemption.MoreImportantFirst);

        Assert.Equal(["high", "low"], pods.Select(p => p.Name));
    }
}
