namespace SuperKube.Scheduling.Framework;

/// <summary>Cluster changes that can make a pod, rejected by a plugin, schedulable again.</summary>
[Flags]
public enum ClusterEvents
{
    None = 0,
    NodeAdded = 1,
    NodeChanged = 2,
    AssignedPodAdded = 4,
    AssignedPodChanged = 8,
    AssignedPodDeleted = 16,
    UnscheduledPodChanged = 32,
    All = NodeAdded | NodeChanged | AssignedPodAdded | AssignedPodChanged | AssignedPodDeleted | UnscheduledPodChanged,
}
