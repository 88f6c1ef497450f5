namespace SuperKube.Scheduling.Framework;

/// <summary>Says whether the pod can run on a node. Called in parallel for many nodes: must not write shared state.</summary>
public interface IFilterPlugin : ISchedulerPlugin
{
    SchedulingStatus Filter(CycleState state, PodInfo pod, NodeInfo node);
}
