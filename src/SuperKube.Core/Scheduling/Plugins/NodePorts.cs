using SuperKube.Scheduling.Framework;

namespace SuperKube.Scheduling.Plugins;

/// <summary>Rejects nodes where a host port the pod asks for (port, protocol, IP) is already taken.</summary>
internal sealed class NodePorts : IPreFilterPlugin, IFilterPlugin, IEnqueueExtensions
{
    public const string Reason = "node(s) didn't have free ports for the requested pod ports";

    public string Name => PluginNames.NodePorts;

    public ClusterEvents EventsToRegister => ClusterEvents.NodeAdded | ClusterEvents.AssignedPodDeleted;

    public SchedulingStatus PreFilter(CycleState state, PodInfo pod) => pod.HostPorts.Length == 0 ? SchedulingStatus.Skip : SchedulingStatus.Success;

    public SchedulingStatus Filter(CycleState state, PodInfo pod, NodeInfo node)
    {
        foreach (var wanted in pod.HostPorts)
        {
            foreach (var used in node.UsedPorts)
            {
                if (wanted.ConflictsWith(used))
                {
                    return SchedulingStatus.Unschedulable(Reason);
                }
            }
        }

        return SchedulingStatus.Success;
    }
}
