using SuperKube.Scheduling.Framework;
using static SuperKube.Scheduling.Tests.SchedulingTestData;

namespace SuperKube.Scheduling.Plugins.Tests;

/// <summary>NodeUnschedulable, NodeName, SchedulingGates and PrioritySort: the small plugins.</summary>
public sealed class SimpleFiltersTests
{
    [Fact]
    public void NodeUnschedulable_CordonedNode_RejectsUnresolvably()
    {
        var cache = Snapshot(Node("n1", spec: """{"unschedulable":true}"""));

        var status = Filter(new NodeUnschedulable(), cache, Pod("p"), "n1");

        Assert.Equal(SchedulingStatusCode.UnschedulableAndUnresolvable, status.Code);
        Assert.Equal(["node(s) were unschedulable"], status.Reasons);
    }

    [Fact]
    public void NodeUnschedulable_PodToleratesUnschedulableTaint_Passes()
    {
        var cache = Snapshot(Node("n1", spec: """{"unschedulable":true}"""));
        var pod = Pod("p", """{"tolerations":[{"key":"node.kubernetes.io/unschedulable","operator":"Exists","effect":"NoSchedule"}]}""");

        Assert.True(Filter(new NodeUnschedulable(), cache, pod, "n1").IsSuccess);
    }

    [Fact]
    public void NodeName_OtherNode_Rejects()
    {
        var cache = Snapshot(Node("n1"), Node("n2"));
        var pod = PodInfo.FromPod(Pod("p").Pod);
        pod.Pod.Spec!.NodeName = "n2";

        Assert.Equal("node(s) didn't match the requested node name", Filter(new NodeName(), cache, pod, "n1").Message);
        Assert.True(Filter(new NodeName(), cache, pod, "n2").IsSuccess);
        Assert.True(Filter(new NodeName(), cache, Pod("q"), "n1").IsSuccess);
    }

    [Fact]
    public void SchedulingGates_GatedPod_IsHeldWithGateNames()
    {
        var pod = Pod("p", """{"schedulingGates":[{"name":"a"},{"name":"b"}]}""");

        var status = new SchedulingGates().PreEnqueue(pod);

        Assert.Equal(SchedulingStatusCode.UnschedulableAndUnresolvable, status.Code);
        Assert.Equal("waiting for scheduling gates: [a b]", status.Message);
        Assert.True(new SchedulingGates().PreEnqueue(Pod("q")).IsSuccess);
    }

    [Fact]
    public void PrioritySort_HigherPriorityFirst_ThenOlder()
    {
        var sort = new PrioritySort();
        var t0 = DateTimeOffset.UnixEpoch;
        var high = new QueuedPodInfo(Pod("high", priority: 100), t0.AddSeconds(5));
        var lowOld = new QueuedPodInfo(Pod("low-old", priority: 1), t0);
        var lowNew = new QueuedPodInfo(Pod("low-new", priority: 1), t0.AddSeconds(1));

        Assert.True(sort.Less(high, lowOld));
        Assert.False(sort.Less(lowOld, high));
        Assert.True(sort.Less(lowOld, lowNew));
        Assert.False(sort.Less(lowNew, lowOld));
    }
}
