using System.Runtime.InteropServices;
using SuperKube.Scheduling.Framework;

namespace SuperKube.Scheduling.Plugins;

/// <summary>
/// Filter (DoNotSchedule): placing the pod must not make the count of matching pods in its domain exceed the
/// smallest domain's by more than maxSkew (the smallest counts as 0 while there are fewer than minDomains domains).
/// Score (ScheduleAnyway): prefers domains with fewer matching pods, weighted by log(domain count + 2).
/// </summary>
internal sealed class PodTopologySpread : IPreFilterPlugin, IFilterPlugin, IPreScorePlugin, IScorePlugin, IEnqueueExtensions
{
    public const string Reason = "node(s) didn't match pod topology spread constraints";
    public const string MissingLabelReason = "node(s) didn't match pod topology spread constraints (missing required label)";
    private const string Hostname = "kubernetes.io/hostname";
    private const string FilterKey = "PreFilter" + PluginNames.PodTopologySpread;
    private const string ScoreKey = "PreScore" + PluginNames.PodTopologySpread;

    public string Name => PluginNames.PodTopologySpread;

    public ClusterEvents EventsToRegister =>
        ClusterEvents.NodeAdded | ClusterEvents.NodeChanged | ClusterEvents.AssignedPodAdded | ClusterEvents.AssignedPodChanged | ClusterEvents.AssignedPodDeleted;

    public SchedulingStatus PreFilter(CycleState state, PodInfo pod)
    {
        var constraints = SpreadConstraint.Parse(pod, "DoNotSchedule");
        if (constraints.Length == 0)
        {
            return SchedulingStatus.Skip;
        }

        var required = NodeSelectorMatcher.Required(pod.Pod.Spec);
        var data = new FilterState(constraints);
        var nodes = state.Snapshot.Nodes;
        for (var n = 0; n < nodes.Count; n++)
        {
            var node = nodes[n];
            if (!SpreadConstraint.HasAllKeys(node, constraints))
            {
                continue;
            }

            for (var i = 0; i < constraints.Length; i++)
            {
                var c = constraints[i];
                if (c.IncludesNode(pod, node, required))
                {
                    ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(data.Counts[i], node.Labels[c.TopologyKey], out _);
                    count += node.Pods.Count == 0 ? 0 : c.CountMatching(node, pod.Namespace);
                }
            }
        }

        data.RecomputeMinimums();
        state.Write(FilterKey, data);
        return SchedulingStatus.Success;
    }

    public SchedulingStatus AddPod(CycleState state, PodInfo podToSchedule, PodInfo podToAdd, NodeInfo node) =>
        Change(state, podToSchedule, podToAdd, node, 1);

    public SchedulingStatus RemovePod(CycleState state, PodInfo podToSchedule, PodInfo podToRemove, NodeInfo node) =>
        Change(state, podToSchedule, podToRemove, node, -1);

    public SchedulingStatus Filter(CycleState state, PodInfo pod, NodeInfo node)
    {
        var data = state.Read<FilterState>(FilterKey);
        for (var i = 0; i < data.Constraints.Length; i++)
        {
            var c = data.Constraints[i];
            if (!node.Labels.TryGetValue(c.TopologyKey, out var domain))
            {
                return SchedulingStatus.UnschedulableAndUnresolvable(MissingLabelReason);
            }

            var min = data.Counts[i].Count < c.MinDomains ? 0 : data.Minimums[i];
            var self = c.Selector.Matches(pod.Labels) ? 1 : 0;
            var skew = data.Counts[i].GetValueOrDefault(domain) + self - min;
            if (skew > c.MaxSkew)
            {
                return SchedulingStatus.Unschedulable(Reason);
            }
        }

        return SchedulingStatus.Success;
    }

    public SchedulingStatus PreScore(CycleState state, PodInfo pod, IReadOnlyList<NodeInfo> nodes)
    {
        var constraints = SpreadConstraint.Parse(pod, "ScheduleAnyway");
        var all = state.Snapshot.Nodes;
        if (constraints.Length == 0 || nodes.Count == 0 || all.Count == 0)
        {
            return SchedulingStatus.Skip;
        }

        var data = new ScoreState(constraints);
        var sizes = new int[constraints.Length];
        foreach (var node in nodes)
        {
            if (!SpreadConstraint.HasAllKeys(node, constraints))
            {
                data.Ignored.Add(node.Name);
                continue;
            }

            for (var i = 0; i < constraints.Length; i++)
            {
                var c = constraints[i];
                if (c.TopologyKey != Hostname && data.Counts.TryAdd((c.TopologyKey, node.Labels[c.TopologyKey]), 0))
                {
                    sizes[i]++;
                }
            }
        }

        for (var i = 0; i < constraints.Length; i++)
        {
            var size = constraints[i].TopologyKey == Hostname ? nodes.Count - data.Ignored.Count : sizes[i];
            data.Weights[i] = Math.Log(size + 2);
        }

        var required = NodeSelectorMatcher.Required(pod.Pod.Spec);
        foreach (var node in all)
        {
            if (!SpreadConstraint.HasAllKeys(node, constraints))
            {
                continue;
            }

            foreach (var c in constraints)
            {
                var pair = (c.TopologyKey, node.Labels[c.TopologyKey]);
                if (c.IncludesNode(pod, node, required) && data.Counts.TryGetValue(pair, out var count))
                {
                    data.Counts[pair] = count + c.CountMatching(node, pod.Namespace);
                }
            }
        }

        state.Write(ScoreKey, data);
        return SchedulingStatus.Success;
    }

    public long Score(CycleState state, PodInfo pod, NodeInfo node)
    {
        var data = state.Read<ScoreState>(ScoreKey);
        if (data.Ignored.Contains(node.Name))
        {
            return 0;
        }

        var score = 0.0;
        for (var i = 0; i < data.Constraints.Length; i++)
        {
            var c = data.Constraints[i];
            if (node.Labels.TryGetValue(c.TopologyKey, out var domain))
            {
                long count = c.TopologyKey == Hostname ? c.CountMatching(node, pod.Namespace) : data.Counts.GetValueOrDefault((c.TopologyKey, domain));
                score += (count * data.Weights[i]) + (c.MaxSkew - 1);
            }
        }

        return (long)Math.Round(score, MidpointRounding.AwayFromZero);
    }

    public void NormalizeScore(CycleState state, PodInfo pod, Span<NodeScore> scores)
    {
        var data = state.Read<ScoreState>(ScoreKey);
        long min = long.MaxValue, max = 0;
        foreach (var s in scores)
        {
            if (!data.Ignored.Contains(s.Node.Name))
            {
                min = Math.Min(min, s.Score);
                max = Math.Max(max, s.Score);
            }
        }

        for (var i = 0; i < scores.Length; i++)
        {
            if (data.Ignored.Contains(scores[i].Node.Name))
            {
                scores[i].Score = 0;
            }
            else
            {
                scores[i].Score = max == 0 ? NodeScore.MaxScore : NodeScore.MaxScore * (max + min - scores[i].Score) / max;
            }
        }
    }

    private static SchedulingStatus Change(CycleState state, PodInfo pod, PodInfo other, NodeInfo node, int delta)
    {
        if (!state.TryRead<FilterState>(FilterKey, out var data) || other.Namespace != pod.Namespace
            || !SpreadConstraint.HasAllKeys(node, data.Constraints))
        {
            return SchedulingStatus.Success;
        }

        var required = NodeSelectorMatcher.Required(pod.Pod.Spec);
        for (var i = 0; i < data.Constraints.Length; i++)
        {
            var c = data.Constraints[i];
            if (c.Selector.Matches(other.Labels) && c.IncludesNode(pod, node, required))
            {
                var domain = node.Labels[c.TopologyKey];
                data.Counts[i][domain] = data.Counts[i].GetValueOrDefault(domain) + delta;
            }
        }

        data.RecomputeMinimums();
        return SchedulingStatus.Success;
    }

    private sealed class FilterState : IStateData
    {
        public FilterState(SpreadConstraint[] constraints)
        {
            Constraints = constraints;
            Counts = [.. constraints.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal))];
            Minimums = new int[constraints.Length];
        }

        public SpreadConstraint[] Constraints { get; }

        /// <summary>Per constraint: matching pods per domain of the eligible nodes.</summary>
        public Dictionary<string, int>[] Counts { get; private init; }

        public int[] Minimums { get; private init; }

        public void RecomputeMinimums()
        {
            for (var i = 0; i < Counts.Length; i++)
            {
                Minimums[i] = Counts[i].Count == 0 ? int.MaxValue : Counts[i].Values.Min();
            }
        }

        public IStateData Clone() => new FilterState(Constraints)
        {
            Counts = [.. Counts.Select(c => new Dictionary<string, int>(c, StringComparer.Ordinal))],
            Minimums = (int[])Minimums.Clone(),
        };
    }

    private sealed class ScoreState(SpreadConstraint[] constraints) : IStateData
    {
        public SpreadConstraint[] Constraints { get; } = constraints;

        public HashSet<string> Ignored { get; } = new(StringComparer.Ordinal);

        public Dictionary<(string Key, string Value), long> Counts { get; } = [];

        public double[] Weights { get; } = new double[constraints.Length];

        public IStateData Clone() => this;
    }
}
