using SuperKube.Scheduling.Framework;

namespace SuperKube.Scheduling.Plugins;

/// <summary>Keeps pods with <c>spec.schedulingGates</c> out of the active queue until every gate is removed.</summary>
internal sealed class SchedulingGates : IPreEnqueuePlugin, IEnqueueExtensions
{
    public string Name => PluginNames.SchedulingGates;

    public ClusterEvents EventsToRegister => ClusterEvents.UnscheduledPodChanged;

    public SchedulingStatus PreEnqueue(PodInfo pod)
    {
        var gates = pod.Pod.Spec?.SchedulingGates;
        return gates is { Count: > 0 }
            ? SchedulingStatus.UnschedulableAndUnresolvable($"waiting for scheduling gates: [{string.Join(" ", gates.Select(g => g.Name))}]")
            : SchedulingStatus.Success;
    }
}
