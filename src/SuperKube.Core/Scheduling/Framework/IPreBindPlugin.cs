namespace SuperKube.Scheduling.Framework;

/// <summary>Work needed before binding (volumes, ...). A failure sends the pod back to the queue.</summary>
public interface IPreBindPlugin : ISchedulerPlugin
{
    ValueTask<SchedulingStatus> PreBindAsync(CycleState state, PodInfo pod, string nodeName, CancellationToken cancellationToken);
}
