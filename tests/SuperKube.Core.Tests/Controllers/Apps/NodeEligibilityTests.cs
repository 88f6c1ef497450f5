using SuperKube.Model.Core;
using SuperKube.Model.Meta;

namespace SuperKube.Controllers.Apps.Tests;

public sealed class NodeEligibilityTests
{
    private static Node Node(string name, Dictionary<string, string>? labels = null, params Taint[] taints) => new()
    {
        Metadata = new ObjectMeta { Name = name, Labels = labels ?? [] },
        Spec = new NodeSpec { Taints = taints },
    };

    [Fact]
    public void ShouldRun_UntoleratedNoScheduleTaint_False() =>
        Assert.False(NodeEligibility.ShouldRun(Node("n", null, new Taint { Key = "gpu", Value = "yes", Effect = "NoSchedule" }), new PodSpec()));

    [Fact]
    public void ShouldRun_ToleratedTaint_True()
    {
        var spec = new PodSpec { Tolerations = [new Toleration { Key = "gpu", Operator = "Equal", Value = "yes", Effect = "NoSchedule" }] };

        Assert.True(NodeEligibility.ShouldRun(Node("n", null, new Taint { Key = "gpu", Value = "yes", Effect = "NoSchedule" }), spec));
    }

    [Fact]
    public void ShouldRun_PreferNoScheduleTaint_Ignored() =>
        Assert.True(NodeEligibility.ShouldRun(Node("n", null, new Taint { Key = "x", Effect = "PreferNoSchedule" }), new PodSpec()));

    [Fact]
    public void ShouldRun_UnschedulableTaint_ToleratedByDefault() =>
        Assert.True(NodeEligibility.ShouldRun(Node("n", null, new Taint { Key = "node.kubernetes.io/unschedulable", Effect = "NoSchedule" }), new PodSpec()));

    [Fact]
    public void ShouldRun_NodeSelector_MatchesLabels()
    {
        var spec = new PodSpec { NodeSelector = new Dictionary<string, string> { ["disk"] = "ssd" } };

        Assert.True(NodeEligibility.ShouldRun(Node("a", new() { ["disk"] = "ssd" }), spec));
        Assert.False(NodeEligibility.ShouldRun(Node("b", new() { ["disk"] = "hdd" }), spec));
    }

    [Fact]
    public void ShouldRun_RequiredAffinityOnName_OnlyThatNode()
    {
        var spec = new PodSpec
        {
            Affinity = new Affinity
            {
                NodeAffinity = new NodeAffinity
                {
                    RequiredDuringSchedulingIgnoredDuringExecution = new NodeSelector
                    {
                        NodeSelectorTerms = [new NodeSelectorTerm { MatchFields = [new NodeSelectorRequirement { Key = "metadata.name", Operator = "In", Values = ["a"] }] }],
                    },
                },
            },
        };

        Assert.True(NodeEligibility.ShouldRun(Node("a"), spec));
        Assert.False(NodeEligibility.ShouldRun(Node("b"), spec));
    }

    [Theory]
    [InlineData("Gt", "5", "4", true)]
    [InlineData("Lt", "5", "4", false)]
    [InlineData("NotIn", "x", "y", true)]
    [InlineData("DoesNotExist", "x", "x", false)]
    public void TermMatches_Operators(string op, string label, string value, bool expected)
    {
        var term = new NodeSelectorTerm { MatchExpressions = [new NodeSelectorRequirement { Key = "k", Operator = op, Values = [value] }] };

        Assert.Equal(expected, NodeEligibility.TermMatches(term, Node("n", new() { ["k"] = label })));
    }
}
