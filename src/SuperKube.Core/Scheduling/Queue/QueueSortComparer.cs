using SuperKube.Scheduling.Framework;

namespace SuperKube.Scheduling.Queue;

/// <summary>Adapts a QueueSort plugin's Less to a comparer for the active queue's heap.</summary>
internal sealed class QueueSortComparer(IQueueSortPlugin plugin) : IComparer<QueuedPodInfo>
{
    public int Compare(QueuedPodInfo? x, QueuedPodInfo? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : 1) : -1;
        }

        return plugin.Less(x, y) ? -1 : plugin.Less(y, x) ? 1 : 0;
    }
}
