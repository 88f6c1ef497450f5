using SuperKube.Scheduling.Framework;

namespace SuperKube.Scheduling.Plugins;

/// <summary>Rejects every node but the one named in spec.nodeName, when the pod names one.</summary>
internal sealed class NodeName : IFilterPlugin, IEnqueueExtensions
{
    public const string Reason = "node(s) didn't match the requested node name";

    public string Name => PluginNames.NodeName;

    public ClusterEvents EventsToRegister => ClusterEvents.NodeAdded | ClusterEvents.NodeChanged;

    public SchedulingStatus Filter(CycleState state, PodInfo pod, NodeInfo node) =>
        pod.Pod.Spec?.NodeName is { Length: > 0 } wanted && wanted != node.Name
            ? SchedulingStatus.UnschedulableAndUnresolvable(Reason)
            : SchedulingStatus.Success;
}
