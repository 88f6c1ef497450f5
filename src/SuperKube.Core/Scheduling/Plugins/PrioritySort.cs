using SuperKube.Scheduling.Framework;

namespace SuperKube.Scheduling.Plugins;

/// <summary>Orders the active queue by priority (highest first), then by time in the queue (oldest first).</summary>
internal sealed class PrioritySort : IQueueSortPlugin
{
    public string Name => PluginNames.PrioritySort;

    public bool Less(QueuedPodInfo a, QueuedPodInfo b) =>
        a.Pod.Priority > b.Pod.Priority || (a.Pod.Priority == b.Pod.Priority && a.Timestamp < b.Timestamp);
}
