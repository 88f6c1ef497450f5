using Microsoft.Extensions.Options;
using SuperKube.Scheduling.Framework;

namespace SuperKube.Scheduling.Plugins;

/// <summary>
/// Prefers nodes whose utilisation of the resources stays balanced once the pod is placed: 100 × (1 − the
/// standard deviation of the utilisation fractions). Skipped for pods without requests.
/// </summary>
internal sealed class NodeResourcesBalancedAllocation(IOptionsMonitor<NodeResourcesBalancedAllocationArgs> options)
    : IPreScorePlugin, IScorePlugin, IEnqueueExtensions
{
    private readonly string[] _resources = [.. options.Get(PluginNames.NodeResourcesBalancedAllocation).Resources.Keys];

    public string Name => PluginNames.NodeResourcesBalancedAllocation;

    public ClusterEvents EventsToRegister => ClusterEvents.NodeAdded | ClusterEvents.NodeChanged | ClusterEvents.AssignedPodDeleted;

    public SchedulingStatus PreScore(CycleState state, PodInfo pod, IReadOnlyList<NodeInfo> nodes) =>
        _resources.All(r => pod.Requests.Get(r) == 0) ? SchedulingStatus.Skip : SchedulingStatus.Success;

    public long Score(CycleState state, PodInfo pod, NodeInfo node)
    {
        Span<double> fractions = stackalloc double[_resources.Length];
        var count = 0;
        var total = 0.0;
        foreach (var name in _resources)
        {
            var podRequest = pod.Requests.Get(name);
            var capacity = node.Allocatable.Get(name);
            if (capacity == 0 || (podRequest == 0 && name is not ("cpu" or "memory")))
            {
                continue;
            }

            var fraction = Math.Min(1.0, (double)(node.Requested.Get(name) + podRequest) / capacity);
            fractions[count++] = fraction;
            total += fraction;
        }

        var std = 0.0;
        if (count == 2)
        {
            std = Math.Abs((fractions[0] - fractions[1]) / 2);
        }
        else if (count > 2)
        {
            var mean = total / count;
            var sum = 0.0;
            for (var i = 0; i < count; i++)
            {
                sum += (fractions[i] - mean) * (fractions[i] - mean);
            }

            std = Math.Sqrt(sum / count);
        }

        return (long)((1 - std) * NodeScore.MaxScore);
    }
}
