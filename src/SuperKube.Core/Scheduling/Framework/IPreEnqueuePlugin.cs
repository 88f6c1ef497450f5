namespace SuperKube.Scheduling.Framework;

/// <summary>Decides whether a pod may enter the active queue at all (scheduling gates).</summary>
public interface IPreEnqueuePlugin : ISchedulerPlugin
{
    SchedulingStatus PreEnqueue(PodInfo pod);
}
