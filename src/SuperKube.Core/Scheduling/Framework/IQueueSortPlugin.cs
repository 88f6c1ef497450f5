namespace SuperKube.Scheduling.Framework;

/// <summary>Orders the active queue; exactly one is used and every profile must use the same one.</summary>
public interface IQueueSortPlugin : ISchedulerPlugin
{
    /// <summary>True when <paramref name="a"/> should be scheduled before <paramref name="b"/>.</summary>
    bool Less(QueuedPodInfo a, QueuedPodInfo b);
}
