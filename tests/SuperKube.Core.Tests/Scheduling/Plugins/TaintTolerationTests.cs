using SuperKube.Scheduling.Framework;
using static SuperKube.Scheduling.Tests.SchedulingTestData;

namespace SuperKube.Scheduling.Plugins.Tests;

public sealed class TaintTolerationTests
{
    private const string Tainted = """{"taints":[{"key":"dedicated","value":"gpu","effect":"NoSchedule"}]}""";

    [Fact]
    public void Filter_UntoleratedNoSchedule_RejectsWithTaintInMessage()
    {
        var status = Filter(new TaintToleration(), Snapshot(Node("n1", spec: Tainted)), Pod("p"), "n1");

        Assert.Equal(SchedulingStatusCode.UnschedulableAndUnresolvable, status.Code);
        Assert.Equal("node(s) had untolerated taint {dedicated: gpu}", status.Message);
    }

    [Theory]
    [InlineData("[{'key':'dedicated','operator':'Equal','value':'gpu','effect':'NoSchedule'}]", true)]
    [InlineData("[{'key':'dedicated','value':'gpu'}]", true)]
    [InlineData("[{'key':'dedicated','operator':'Exists'}]", true)]
    [InlineData("[{'operator':'Exists'}]", true)]
    [InlineData("[{'key':'dedicated','value':'cpu','effect':'NoSchedule'}]", false)]
    [InlineData("[{'key':'dedicated','operator':'Exists','effect':'NoExecute'}]", false)]
    public void Filter_Tolerations_MatchAsUpstream(string tolerations, bool fits)
    {
        var pod = Pod("p", $$"""{"tolerations":{{tolerations.Replace('\'', '"')}}}""");

        Assert.Equal(fits, Filter(new TaintToleration(), Snapshot(Node("n1", spec: Tainted)), pod, "n1").IsSuccess);
    }

    [Fact]
    public void Filter_PreferNoScheduleTaint_DoesNotReject()
    {
        var node = Node("n1", spec: """{"taints":[{"key":"k","value":"v","effect":"PreferNoSchedule"}]}""");

        Assert.True(Filter(new TaintToleration(), Snapshot(node), Pod("p"), "n1").IsSuccess);
    }

    [Fact]
    public void Score_FewerUntoleratedPreferNoSchedule_ScoresHigher()
    {
        var cache = Snapshot(
            Node("clean"),
            Node("one", spec: """{"taints":[{"key":"a","value":"1","effect":"PreferNoSchedule"}]}"""),
            Node("two", spec: """{"taints":[{"key":"a","value":"1","effect":"PreferNoSchedule"},{"key":"b","value":"2","effect":"PreferNoSchedule"}]}"""),
            Node("tolerated", spec: """{"taints":[{"key":"t","value":"1","effect":"PreferNoSchedule"}]}"""));
        var pod = Pod("p", """{"tolerations":[{"key":"t","operator":"Exists","effect":"PreferNoSchedule"}]}""");

        var scores = Scores(new TaintToleration(), cache, pod);

        Assert.Equal(100, scores["clean"]);
        Assert.Equal(100, scores["tolerated"]);
        Assert.Equal(50, scores["one"]);
        Assert.Equal(0, scores["two"]);
    }
}
