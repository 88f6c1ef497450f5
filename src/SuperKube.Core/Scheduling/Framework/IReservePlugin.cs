namespace SuperKube.Scheduling.Framework;

/// <summary>
/// Claims resources for the pod on the chosen node before binding; Unreserve undoes it when a later step fails
/// (called in reverse order, must not fail).
/// </summary>
public interface IReservePlugin : ISchedulerPlugin
{
    ValueTask<SchedulingStatus> ReserveAsync(CycleState state, PodInfo pod, string nodeName, CancellationToken cancellationToken);

    void Unreserve(CycleState state, PodInfo pod, string nodeName);
}
