using SuperKube.Scheduling.Framework;
using static SuperKube.Scheduling.Tests.SchedulingTestData;

namespace SuperKube.Scheduling.Plugins.Tests;

public sealed class NodeAffinityTests
{
    private static bool Fits(string podSpec, string nodeLabels, string nodeName = "n1") =>
        Filter(new NodeAffinity(), Snapshot(Node(nodeName, nodeLabels)), Pod("p", podSpec), nodeName).IsSuccess;

    private static string Required(string expressions, string field = "matchExpressions") =>
        """{"affinity":{"nodeAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":{"nodeSelectorTerms":[{""" + $"\"{field}\":{expressions}" + "}]}}}}";

    [Fact]
    public void Filter_NodeSelectorMismatch_RejectsWithUpstreamMessage()
    {
        var status = Filter(new NodeAffinity(), Snapshot(Node("n1", """{"disk":"hdd"}""")), Pod("p", """{"nodeSelector":{"disk":"ssd"}}"""), "n1");

        Assert.Equal(SchedulingStatusCode.UnschedulableAndUnresolvable, status.Code);
        Assert.Equal("node(s) didn't match Pod's node affinity/selector", status.Message);
        Assert.True(Fits("""{"nodeSelector":{"disk":"ssd"}}""", """{"disk":"ssd","zone":"a"}"""));
    }

    [Theory]
    [InlineData("[{'key':'zone','operator':'In','values':['a','b']}]", "{'zone':'b'}", true)]
    [InlineData("[{'key':'zone','operator':'In','values':['a']}]", "{}", false)]
    [InlineData("[{'key':'zone','operator':'NotIn','values':['a']}]", "{}", true)]
    [InlineData("[{'key':'zone','operator':'NotIn','values':['a']}]", "{'zone':'a'}", false)]
    [InlineData("[{'key':'gpu','operator':'Exists'}]", "{'gpu':''}", true)]
    [InlineData("[{'key':'gpu','operator':'DoesNotExist'}]", "{'gpu':'1'}", false)]
    [InlineData("[{'key':'cores','operator':'Gt','values':['4']}]", "{'cores':'8'}", true)]
    [InlineData("[{'key':'cores','operator':'Gt','values':['8']}]", "{'cores':'8'}", false)]
    [InlineData("[{'key':'cores','operator':'Lt','values':['8']}]", "{'cores':'4'}", true)]
    [InlineData("[{'key':'cores','operator':'Gt','values':['4']}]", "{'cores':'many'}", false)]
    [InlineData("[{'key':'cores','operator':'Gt','values':['4']}]", "{}", false)]
    [InlineData("[{'key':'zone','operator':'In','values':['a']},{'key':'gpu','operator':'Exists'}]", "{'zone':'a'}", false)]
    public void Filter_MatchExpressions_FollowOperators(string expressions, string labels, bool fits) =>
        Assert.Equal(fits, Fits(Required(expressions.Replace('\'', '"')), labels.Replace('\'', '"')));

    [Fact]
    public void Filter_Terms_AreOred_AndAnEmptyTermMatchesNothing()
    {
        var terms = """{"affinity":{"nodeAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":{"nodeSelectorTerms":[{"matchExpressions":[{"key":"zone","operator":"In","values":["x"]}]},{"matchExpressions":[{"key":"zone","operator":"In","values":["a"]}]}]}}}}""";
        var empty = """{"affinity":{"nodeAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":{"nodeSelectorTerms":[{}]}}}}""";

        Assert.True(Fits(terms, """{"zone":"a"}"""));
        Assert.False(Fits(empty, """{"zone":"a"}"""));
    }

    [Fact]
    public void Filter_MatchFieldsOnName_SelectsTheNode()
    {
        var spec = Required("""[{"key":"metadata.name","operator":"In","values":["n2"]}]""", "matchFields");

        Assert.True(Fits(spec, "{}", "n2"));
        Assert.False(Fits(spec, "{}", "n1"));
    }

    [Fact]
    public void PreFilter_NoSelectorOrAffinity_Skips() =>
        Assert.Equal(SchedulingStatusCode.Skip, new NodeAffinity().PreFilter(State(Snapshot()), Pod("p")).Code);

    [Fact]
    public void Score_PreferredTerms_SumWeightsNormalisedToHundred()
    {
        var cache = Snapshot(Node("both", """{"zone":"a","ssd":"1"}"""), Node("zone", """{"zone":"a"}"""), Node("none"));
        var pod = Pod("p", """{"affinity":{"nodeAffinity":{"preferredDuringSchedulingIgnoredDuringExecution":[{"weight":30,"preference":{"matchExpressions":[{"key":"zone","operator":"In","values":["a"]}]}},{"weight":10,"preference":{"matchExpressions":[{"key":"ssd","operator":"Exists"}]}}]}}}""");

        var scores = Scores(new NodeAffinity(), cache, pod);

        Assert.Equal(100, scores["both"]);
        Assert.Equal(75, scores["zone"]);
        Assert.Equal(0, scores["none"]);
    }
}
