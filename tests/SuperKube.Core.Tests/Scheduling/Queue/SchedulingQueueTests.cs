using SuperKube.Scheduling.Framework;
using SuperKube.Scheduling.Plugins;
using SuperKube.Scheduling.Tests;
using static SuperKube.Scheduling.Tests.SchedulingTestData;

namespace SuperKube.Scheduling.Queue.Tests;

public sealed class SchedulingQueueTests
{
    private readonly ManualTimeProvider _time = new();

    private SchedulingQueue Queue(Func<string, ClusterEvents>? events = null) => new(
        new QueueSortComparer(new PrioritySort()),
        pod => new SchedulingGates().PreEnqueue(pod).WithPlugin(PluginNames.SchedulingGates),
        events ?? (_ => ClusterEvents.All),
        new QueueTiming(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(5)),
        _time);

    private static string PopName(SchedulingQueue queue) => queue.TryPop(out var info) ? info.Pod.Name : "<none>";

    [Fact]
    public void TryPop_OrdersByPriorityThenArrival()
    {
        var queue = Queue();
        queue.Add(Pod("low", priority: 1));
        _time.Advance(TimeSpan.FromSeconds(1));
        queue.Add(Pod("high", priority: 5));
        queue.Add(Pod("low-later", priority: 1));

        Assert.Equal(["high", "low", "low-later", "<none>"], [PopName(queue), PopName(queue), PopName(queue), PopName(queue)]);
    }

    [Fact]
    public void Requeue_Error_WaitsForExponentialBackoff()
    {
        var queue = Queue();
        queue.Add(Pod("p"));
        queue.TryPop(out var info);

        queue.Requeue(info, error: true);

        Assert.False(queue.TryPop(out _));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(queue.TryPop(out var again));
        Assert.Equal(2, again.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(2), queue.BackoffDuration(2));
        Assert.Equal(TimeSpan.FromSeconds(10), queue.BackoffDuration(10));
    }

    [Fact]
    public void MoveOnEvent_OnlyWakesPodsRejectedByPluginsThatCare()
    {
        var queue = Queue(plugin => plugin == PluginNames.NodeResourcesFit ? ClusterEvents.AssignedPodDeleted : ClusterEvents.NodeAdded);
        queue.Add(Pod("p"));
        queue.TryPop(out var info);
        info.UnschedulablePlugins = new HashSet<string> { PluginNames.NodeResourcesFit };
        queue.Requeue(info, error: false);
        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(0, queue.MoveOnEvent(ClusterEvents.NodeAdded));
        Assert.Equal(1, queue.MoveOnEvent(ClusterEvents.AssignedPodDeleted));
        Assert.Equal("p", PopName(queue));
    }

    [Fact]
    public void Add_GatedPod_WaitsUntilTheGatesAreRemoved()
    {
        var queue = Queue();
        var gated = Pod("p", """{"schedulingGates":[{"name":"wait"}]}""");

        var status = queue.Add(gated);
        queue.MoveOnEvent(ClusterEvents.All);

        Assert.False(status.IsSuccess);
        Assert.False(queue.TryPop(out _));
        queue.Update(Ungated(gated), specChanged: true);
        Assert.Equal("p", PopName(queue));
    }

    [Fact]
    public void FlushUnschedulable_AfterTheLimit_RetriesThePod()
    {
        var queue = Queue(_ => ClusterEvents.None);
        queue.Add(Pod("p"));
        queue.TryPop(out var info);
        info.UnschedulablePlugins = new HashSet<string> { "X" };
        queue.Requeue(info, error: false);

        queue.FlushUnschedulable();
        Assert.False(queue.TryPop(out _));
        _time.Advance(TimeSpan.FromMinutes(5));
        queue.FlushUnschedulable();

        Assert.Equal("p", PopName(queue));
    }

    [Fact]
    public void Delete_PendingPod_IsGone()
    {
        var queue = Queue();
        var pod = Pod("p");
        queue.Add(pod);

        queue.Delete(pod.Uid);

        Assert.False(queue.TryPop(out _));
        Assert.False(queue.Contains(pod.Uid));
    }

    [Fact]
    public void Requeue_PodDeletedDuringItsAttempt_IsDropped()
    {
        var queue = Queue();
        var pod = Pod("p");
        queue.Add(pod);
        queue.TryPop(out var info);
        queue.Delete(pod.Uid);

        Assert.False(queue.Requeue(info, error: true));
        Assert.False(queue.Contains(pod.Uid));
    }

    private static PodInfo Ungated(PodInfo gated)
    {
        var pod = gated.Pod;
        pod.Spec!.SchedulingGates = null;
        return PodInfo.FromPod(pod);
    }
}
