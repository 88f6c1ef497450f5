namespace SuperKube.Runtime.Agent.Tests;

public sealed class NodeAgentOptionsValidatorTests
{
    private readonly NodeAgentOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_WithANodeName_Succeed()
    {
        Assert.True(_validator.Validate(null, new NodeAgentOptions { NodeName = "node-1" }).Succeeded);
    }

    [Fact]
    public void Validate_NoNodeName_FailsNamingTheOption()
    {
        var result = _validator.Validate(null, new NodeAgentOptions());

        Assert.Contains("NodeAgentOptions.NodeName is required.", result.Failures!);
    }

    [Fact]
    public void Validate_BadCidrAndHeartbeatLongerThanLease_ReportsBoth()
    {
        var result = _validator.Validate(null, new NodeAgentOptions
        {
            NodeName = "n",
            PodCidr = "10.0.0.0",
            HeartbeatInterval = TimeSpan.FromMinutes(1),
        });

        Assert.Equal(2, result.Failures!.Count());
    }

    [Fact]
    public void FakeNodeOptions_Index_SpreadsZonesAndRanges()
    {
        var fleet = new FakeNodesOptions();

        var first = FakeNodeFleet.NodeOptions(fleet, 1);
        var fourth = FakeNodeFleet.NodeOptions(fleet, 4);
        var big = FakeNodeFleet.NodeOptions(fleet, 300);

        Assert.Equal(("fake-node-1", "zone-a", "10.128.1.0/24"), (first.NodeName, first.Zone, first.PodCidr));
        Assert.Equal(("fake-node-4", "zone-a", "10.128.4.0/24"), (fourth.NodeName, fourth.Zone, fourth.PodCidr));
        Assert.Equal("10.129.44.0/24", big.PodCidr);
        Assert.Equal("fake", first.Labels["type"]);
        Assert.True(new NodeAgentOptionsValidator().Validate(null, big).Succeeded);
    }
}
