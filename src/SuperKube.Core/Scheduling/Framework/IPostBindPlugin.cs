namespace SuperKube.Scheduling.Framework;

/// <summary>Informational: called after a successful bind.</summary>
public interface IPostBindPlugin : ISchedulerPlugin
{
    void PostBind(CycleState state, PodInfo pod, string nodeName);
}
