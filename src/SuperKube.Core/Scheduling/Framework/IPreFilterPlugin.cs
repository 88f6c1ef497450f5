namespace SuperKube.Scheduling.Framework;

/// <summary>
/// Runs once per attempt before Filter, typically to compute state in <see cref="CycleState"/>. Returning
/// <see cref="SchedulingStatus.Skip"/> skips this plugin's Filter for the attempt; a rejection marks every node.
/// </summary>
public interface IPreFilterPlugin : ISchedulerPlugin
{
    SchedulingStatus PreFilter(CycleState state, PodInfo pod);

    /// <summary>Updates the state as if <paramref name="podToAdd"/> ran on <paramref name="node"/> (preemption what-ifs).</summary>
    SchedulingStatus AddPod(CycleState state, PodInfo podToSchedule, PodInfo podToAdd, NodeInfo node) => SchedulingStatus.Success;

    /// <summary>Updates the state as if <paramref name="podToRemove"/> were gone from <paramref name="node"/>.</summary>
    SchedulingStatus RemovePod(CycleState state, PodInfo podToSchedule, PodInfo podToRemove, NodeInfo node) => SchedulingStatus.Success;
}
