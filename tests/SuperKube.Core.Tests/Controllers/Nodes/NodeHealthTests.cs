using SuperKube.Model.Core;
using SuperKube.Model.Meta;

namespace SuperKube.Controllers.Nodes.Tests;

public sealed class NodeHealthTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void LastSeen_LeaseNewerThanHeartbeat_UsesTheLease()
    {
        var node = Node("True", heartbeat: Now.AddMinutes(-1));

        Assert.Equal(Now.AddSeconds(-5), NodeHealth.LastSeen(node, Now.AddSeconds(-5)));
        Assert.Equal(Now.AddMinutes(-1), NodeHealth.LastSeen(node, null));
    }

    [Fact]
    public void Lost_ReadyNode_AllReportedConditionsUnknownHeartbeatKept()
    {
        var node = Node("True", heartbeat: Now.AddMinutes(-1));

        var conditions = NodeHealth.Lost(node, Now);

        var ready = conditions.Single(c => c.Type == "Ready");
        Assert.Equal(("Unknown", "NodeStatusUnknown", "Kubelet stopped posting node status."), (ready.Status, ready.Reason, ready.Message));
        Assert.Equal(Now.AddMinutes(-1), ready.LastHeartbeatTime);
        Assert.Equal(Now, ready.LastTransitionTime);
        Assert.Equal(["DiskPressure", "MemoryPressure", "PIDPressure", "Ready"], conditions.Select(c => c.Type).Order());
        Assert.All(conditions, c => Assert.Equal("Unknown", c.Status));
    }

    [Fact]
    public void Lost_NeverReported_NeverUpdatedReason()
    {
        var node = new Node { Metadata = new ObjectMeta { Name = "n", CreationTimestamp = Now.AddMinutes(-2) } };

        var ready = NodeHealth.Lost(node, Now).Single(c => c.Type == "Ready");

        Assert.Equal(("Unknown", "NodeStatusNeverUpdated"), (ready.Status, ready.Reason));
    }

    [Theory]
    [InlineData("Unknown", "node.kubernetes.io/unreachable")]
    [InlineData("False", "node.kubernetes.io/not-ready")]
    public void Taints_ReadyNotTrue_NoScheduleAndNoExecuteTaints(string ready, string key)
    {
        var taints = NodeHealth.Taints(Node(ready), Now);

        Assert.Equal([(key, "NoSchedule"), (key, "NoExecute")], taints.Select(t => (t.Key, t.Effect)));
        Assert.Equal(Now, taints.Single(t => t.Effect == "NoExecute").TimeAdded);
    }

    [Fact]
    public void Taints_ReadyAgain_RemovesOnlyTheLifecycleTaints()
    {
        var node = Node("True");
        node.Spec = new NodeSpec
        {
            Taints =
            [
                new Taint { Key = "node.kubernetes.io/unreachable", Effect = "NoExecute", TimeAdded = Now.AddMinutes(-3) },
                new Taint { Key = "dedicated", Value = "gpu", Effect = "NoSchedule" },
            ],
        };

        var taints = NodeHealth.Taints(node, Now);

        Assert.Equal(["dedicated"], taints.Select(t => t.Key));
    }

    [Fact]
    public void Taints_AlreadyTainted_KeepsTimeAdded()
    {
        var node = Node("Unknown");
        node.Spec = new NodeSpec { Taints = [new Taint { Key = "node.kubernetes.io/unreachable", Effect = "NoExecute", TimeAdded = Now.AddMinutes(-3) }] };

        var taints = NodeHealth.Taints(node, Now);

        Assert.Equal(Now.AddMinutes(-3), taints.Single(t => t.Effect == "NoExecute").TimeAdded);
        Assert.Equal(2, taints.Count);
    }

    [Fact]
    public void EvictionTime_NotTolerated_Now()
    {
        Assert.Equal(Now, NodeHealth.EvictionTime([Unreachable(Now.AddSeconds(-10))], null, Now));
    }

    [Fact]
    public void EvictionTime_ToleratedForAWhile_TaintTimePlusShortestSeconds()
    {
        List<Toleration> tolerations =
        [
            new() { Key = "node.kubernetes.io/unreachable", Operator = "Exists", Effect = "NoExecute", TolerationSeconds = 300 },
            new() { Operator = "Exists", TolerationSeconds = 60 },
        ];

        Assert.Equal(Now.AddSeconds(50), NodeHealth.EvictionTime([Unreachable(Now.AddSeconds(-10))], tolerations, Now));
    }

    [Fact]
    public void EvictionTime_ToleratedForever_Null()
    {
        List<Toleration> tolerations = [new() { Key = "node.kubernetes.io/unreachable", Operator = "Exists", Effect = "NoExecute" }];

        Assert.Null(NodeHealth.EvictionTime([Unreachable(Now)], tolerations, Now));
        Assert.Null(NodeHealth.EvictionTime([new Taint { Key = "x", Effect = "NoSchedule" }], null, Now));
    }

    private static Taint Unreachable(DateTimeOffset added) => new() { Key = "node.kubernetes.io/unreachable", Effect = "NoExecute", TimeAdded = added };

    private static Node Node(string ready, DateTimeOffset? heartbeat = null) => new()
    {
        Metadata = new ObjectMeta { Name = "n", CreationTimestamp = Now.AddHours(-1) },
        Status = new NodeStatus
        {
            Conditions =
            [
                new NodeCondition { Type = "MemoryPressure", Status = "False", LastHeartbeatTime = heartbeat },
                new NodeCondition { Type = "Ready", Status = ready, LastHeartbeatTime = heartbeat, Reason = "KubeletReady" },
            ],
        },
    };
}
