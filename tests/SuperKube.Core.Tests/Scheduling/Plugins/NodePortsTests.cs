using SuperKube.Scheduling.Framework;
using static SuperKube.Scheduling.Tests.SchedulingTestData;

namespace SuperKube.Scheduling.Plugins.Tests;

public sealed class NodePortsTests
{
    private static PodInfo WithPort(string name, int port, string protocol = "TCP", string? ip = null, string? node = null) =>
        Pod(name, $$"""{"containers":[{"name":"c","image":"x","ports":[{"containerPort":80,"hostPort":{{port}},"protocol":"{{protocol}}"{{(ip is null ? "" : $",\"hostIP\":\"{ip}\"")}}}]}]}""", node: node);

    private static SchedulingStatus Run(PodInfo existing, PodInfo incoming)
    {
        var cache = Snapshot(Node("n1"));
        cache.SetPod(existing);
        return Filter(new NodePorts(), cache, incoming, "n1");
    }

    [Fact]
    public void Filter_SamePortAndProtocol_Rejects()
    {
        var status = Run(WithPort("a", 8080, node: "n1"), WithPort("b", 8080));

        Assert.Equal(SchedulingStatusCode.Unschedulable, status.Code);
        Assert.Equal("node(s) didn't have free ports for the requested pod ports", status.Message);
    }

    [Fact]
    public void Filter_OtherProtocol_Passes() => Assert.True(Run(WithPort("a", 8080, node: "n1"), WithPort("b", 8080, "UDP")).IsSuccess);

    [Fact]
    public void Filter_DifferentSpecificIps_Pass() =>
        Assert.True(Run(WithPort("a", 8080, ip: "10.0.0.1", node: "n1"), WithPort("b", 8080, ip: "10.0.0.2")).IsSuccess);

    [Fact]
    public void Filter_WildcardAgainstSpecificIp_Conflicts() =>
        Assert.False(Run(WithPort("a", 8080, ip: "10.0.0.1", node: "n1"), WithPort("b", 8080)).IsSuccess);

    [Fact]
    public void PreFilter_NoHostPorts_Skips() =>
        Assert.Equal(SchedulingStatusCode.Skip, new NodePorts().PreFilter(State(Snapshot()), Pod("p")).Code);
}
