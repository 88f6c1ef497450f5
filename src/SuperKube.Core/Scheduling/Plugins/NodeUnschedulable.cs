using SuperKube.Taints;
using SuperKube.Model.Core;
using SuperKube.Scheduling.Framework;

namespace SuperKube.Scheduling.Plugins;

/// <summary>Rejects cordoned nodes (spec.unschedulable) unless the pod tolerates the unschedulable taint.</summary>
internal sealed class NodeUnschedulable : IFilterPlugin, IEnqueueExtensions
{
    public const string Reason = "node(s) were unschedulable";

    private static readonly Taint UnschedulableTaint = new() { Key = "node.kubernetes.io/unschedulable", Effect = "NoSchedule" };

    public string Name => PluginNames.NodeUnschedulable;

    public ClusterEvents EventsToRegister => ClusterEvents.NodeAdded | ClusterEvents.NodeChanged;

    public SchedulingStatus Filter(CycleState state, PodInfo pod, NodeInfo node) =>
        node.Unschedulable && !Tolerations.Tolerated(pod.Pod.Spec?.Tolerations, UnschedulableTaint)
            ? SchedulingStatus.UnschedulableAndUnresolvable(Reason)
            : SchedulingStatus.Success;
}
