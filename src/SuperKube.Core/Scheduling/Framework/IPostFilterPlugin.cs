namespace SuperKube.Scheduling.Framework;

/// <summary>
/// Runs when no node passed Filter (preemption). The node statuses hold the rejection of every
/// node that was evaluated.
/// </summary>
public interface IPostFilterPlugin : ISchedulerPlugin
{
    Task<PostFilterResult> PostFilterAsync(
        CycleState state, PodInfo pod, IReadOnlyDictionary<string, SchedulingStatus> nodeStatuses, CancellationToken cancellationToken);
}
