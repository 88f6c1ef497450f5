namespace SuperKube.Scheduling.Framework;

/// <summary>Runs once before Score with the nodes that passed Filter; <see cref="SchedulingStatus.Skip"/> skips the plugin's Score.</summary>
public interface IPreScorePlugin : ISchedulerPlugin
{
    SchedulingStatus PreScore(CycleState state, PodInfo pod, IReadOnlyList<NodeInfo> nodes);
}
