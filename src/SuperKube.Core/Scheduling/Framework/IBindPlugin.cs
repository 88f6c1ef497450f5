namespace SuperKube.Scheduling.Framework;

/// <summary>Binds the pod to the node. Binders run in order until one does not return <see cref="SchedulingStatus.Skip"/>.</summary>
public interface IBindPlugin : ISchedulerPlugin
{
    ValueTask<SchedulingStatus> BindAsync(CycleState state, PodInfo pod, string nodeName, CancellationToken cancellationToken);
}
