using Microsoft.Extensions.Options;
using SuperKube.Scheduling.Framework;

namespace SuperKube.Scheduling.Plugins;

/// <summary>
/// Filter: the node's allocatable must cover its pods' requests plus the pod's (init containers, sidecars and
/// overhead included) and leave room for one more pod. Score: LeastAllocated, MostAllocated or
/// RequestedToCapacityRatio over the configured resources.
/// </summary>
internal sealed class NodeResourcesFit : IFilterPlugin, IScorePlugin, IEnqueueExtensions
{
    private readonly NodeResourcesFitArgs _args;
    private readonly (string Name, int Weight)[] _resources;
    private readonly Func<long, long, long> _resourceScore;

    public NodeResourcesFit(IOptionsMonitor<NodeResourcesFitArgs> options)
    {
        _args = options.Get(PluginNames.NodeResourcesFit);
        _resources = [.. _args.Resources.Select(r => (r.Key, r.Value))];
        _resourceScore = _args.ScoringStrategy switch
        {
            NodeResourcesFitStrategies.MostAllocated => MostAllocated,
            NodeResourcesFitStrategies.RequestedToCapacityRatio => RequestedToCapacity(_args.Shape),
            _ => LeastAllocated,
        };
    }

    public string Name => PluginNames.NodeResourcesFit;

    public ClusterEvents EventsToRegister => ClusterEvents.NodeAdded | ClusterEvents.NodeChanged | ClusterEvents.AssignedPodDeleted;

    public SchedulingStatus Filter(CycleState state, PodInfo pod, NodeInfo node)
    {
        List<string>? reasons = null;
        var want = pod.Requests;
        var have = node.Allocatable;
        var used = node.Requested;
        if (have.Pods < used.Pods + 1)
        {
            (reasons ??= []).Add("Too many pods");
        }

        Check("cpu", want.MilliCpu, have.MilliCpu, used.MilliCpu, ref reasons);
        Check("memory", want.Memory, have.Memory, used.Memory, ref reasons);
        Check("ephemeral-storage", want.EphemeralStorage, have.EphemeralStorage, used.EphemeralStorage, ref reasons);
        if (want.Scalars.Count > 0)
        {
            foreach (var (name, amount) in want.Scalars)
            {
                if (!IsIgnored(name))
                {
                    Check(name, amount, have.Get(name), used.Get(name), ref reasons);
                }
            }
        }

        return reasons is null ? SchedulingStatus.Success : SchedulingStatus.Unschedulable([.. reasons]);
    }

    public long Score(CycleState state, PodInfo pod, NodeInfo node)
    {
        long total = 0;
        long weights = 0;
        foreach (var (name, weight) in _resources)
        {
            var podRequest = pod.NonZeroRequests.Get(name);
            var capacity = node.Allocatable.Get(name);
            if (capacity == 0 || (podRequest == 0 && !IsCore(name)))
            {
                continue;
            }

            total += _resourceScore(node.NonZeroRequested.Get(name) + podRequest, capacity) * weight;
            weights += weight;
        }

        if (weights == 0)
        {
            return 0;
        }

        // Upstream rounds the weighted mean for RequestedToCapacityRatio and truncates it otherwise.
        return _args.ScoringStrategy == NodeResourcesFitStrategies.RequestedToCapacityRatio
            ? (long)Math.Round((double)total / weights, MidpointRounding.AwayFromZero)
            : total / weights;
    }

    internal static long LeastAllocated(long requested, long capacity) =>
        capacity == 0 || requested > capacity ? 0 : (capacity - requested) * NodeScore.MaxScore / capacity;

    internal static long MostAllocated(long requested, long capacity) =>
        capacity == 0 ? 0 : Math.Min(requested, capacity) * NodeScore.MaxScore / capacity;

    /// <summary>The piecewise-linear shape function; scores 0-10 are scaled to 0-100.</summary>
    internal static Func<long, long, long> RequestedToCapacity(IList<UtilizationShapePoint> shape)
    {
        var points = shape.Count > 0 ? [.. shape] : new[] { new UtilizationShapePoint(0, 10), new UtilizationShapePoint(100, 0) };
        return (requested, capacity) =>
        {
            var utilization = capacity == 0 || requested > capacity ? 100 : requested * 100 / capacity;
            for (var i = 0; i < points.Length; i++)
            {
                if (utilization <= points[i].Utilization)
                {
                    if (i == 0)
                    {
                        return points[0].Score * 10L;
                    }

                    var (p0, p1) = (points[i - 1], points[i]);
                    return (p0.Score * 10L) + ((p1.Score - p0.Score) * 10L * (utilization - p0.Utilization) / (p1.Utilization - p0.Utilization));
                }
            }

            return points[^1].Score * 10L;
        };
    }

    private static bool IsCore(string name) => name is "cpu" or "memory";

    private bool IsIgnored(string name)
    {
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        return _args.IgnoredResources.Contains(name) || (slash > 0 && _args.IgnoredResourceGroups.Contains(name[..slash]));
    }

    private static void Check(string name, long want, long have, long used, ref List<string>? reasons)
    {
        if (want > 0 && have < want + used)
        {
            (reasons ??= []).Add($"Insufficient {name}");
        }
    }
}
