using Microsoft.Extensions.Options;
using SuperKube.Scheduling.Cache;
using SuperKube.Scheduling.Framework;

namespace SuperKube.Scheduling.Plugins;

/// <summary>
/// Filter: required pod affinity (a matching pod in the same topology domain), required anti-affinity (none
/// there), and the required anti-affinity of existing pods against the incoming pod. Score: preferred terms of
/// both sides, plus existing pods' required affinity weighted by HardPodAffinityWeight.
/// </summary>
internal sealed class InterPodAffinity(IOptionsMonitor<InterPodAffinityArgs> options)
    : IPreFilterPlugin, IFilterPlugin, IPreScorePlugin, IScorePlugin, IEnqueueExtensions
{
    public const string AffinityReason = "node(s) didn't match pod affinity rules";
    public const string AntiAffinityReason = "node(s) didn't match pod anti-affinity rules";
    public const string ExistingAntiAffinityReason = "node(s) didn't satisfy existing pods anti-affinity rules";
    private const string FilterKey = "PreFilter" + PluginNames.InterPodAffinity;
    private const string ScoreKey = "PreScore" + PluginNames.InterPodAffinity;

    private readonly int _hardWeight = options.Get(PluginNames.InterPodAffinity).HardPodAffinityWeight;

    public string Name => PluginNames.InterPodAffinity;

    public ClusterEvents EventsToRegister =>
        ClusterEvents.NodeAdded | ClusterEvents.NodeChanged | ClusterEvents.AssignedPodAdded | ClusterEvents.AssignedPodChanged | ClusterEvents.AssignedPodDeleted;

    public SchedulingStatus PreFilter(CycleState state, PodInfo pod)
    {
        var nodes = state.Snapshot.Nodes;
        if (pod.RequiredAffinityTerms.Length == 0 && pod.RequiredAntiAffinityTerms.Length == 0 && state.Snapshot.PodsWithRequiredAntiAffinityCount == 0)
        {
            return SchedulingStatus.Skip;
        }

        var data = new FilterState(new TopologyCounts(), new TopologyCounts(), new TopologyCounts())
        {
            // Existing pods mostly share a few interned terms: whether each selects the incoming pod is decided once.
            TermMatchesPod = new Dictionary<AffinityTerm, bool>(ReferenceEqualityComparer.Instance),
        };
        if (state.Snapshot is SchedulerCache { Index: var index })
        {
            CountIndexed(data, state.Snapshot, index, pod);
        }
        else
        {
            foreach (var node in nodes)
            {
                var existing = pod.RequiredAffinityTerms.Length + pod.RequiredAntiAffinityTerms.Length > 0 ? node.Pods : node.PodsWithRequiredAntiAffinity;
                for (var i = 0; i < existing.Count; i++)
                {
                    Update(data, state.Snapshot, pod, existing[i], node, 1);
                }
            }
        }

        data.TermMatchesPod = null;
        data.SelfMatch = pod.RequiredAffinityTerms.All(t => t.Matches(pod, state.Snapshot));
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
        if (!SatisfiesAffinity(data, pod, node))
        {
            return SchedulingStatus.UnschedulableAndUnresolvable(AffinityReason);
        }

        foreach (var term in pod.RequiredAntiAffinityTerms)
        {
            if (node.Labels.TryGetValue(term.TopologyKey, out var value) && data.AntiAffinity.Get(term.TopologyKey, value) > 0)
            {
                return SchedulingStatus.Unschedulable(AntiAffinityReason);
            }
        }

        if (data.ExistingAntiAffinity.Count > 0)
        {
            foreach (var (key, value) in node.Labels)
            {
                if (data.ExistingAntiAffinity.Get(key, value) > 0)
                {
                    return SchedulingStatus.Unschedulable(ExistingAntiAffinityReason);
                }
            }
        }

        return SchedulingStatus.Success;
    }

    public SchedulingStatus PreScore(CycleState state, PodInfo pod, IReadOnlyList<NodeInfo> nodes)
    {
        var hasPreferred = pod.PreferredAffinityTerms.Length + pod.PreferredAntiAffinityTerms.Length > 0;
        var all = state.Snapshot.Nodes;
        var noneScoring = state.Snapshot is SchedulerCache { Index.ScoringAffinityPods: 0 };
        if (!hasPreferred && (state.Snapshot.PodsWithAffinityCount == 0 || noneScoring))
        {
            return SchedulingStatus.Skip;
        }

        var scores = new TopologyCounts();
        foreach (var node in all)
        {
            if (node.Labels.Count == 0)
            {
                continue;
            }

            var existing = hasPreferred ? node.Pods : node.PodsWithAffinity;
            for (var i = 0; i < existing.Count; i++)
            {
                ScoreExisting(scores, state.Snapshot, pod, existing[i], node);
            }
        }

        if (scores.Count == 0)
        {
            return SchedulingStatus.Skip;
        }

        state.Write(ScoreKey, new ScoreState(scores));
        return SchedulingStatus.Success;
    }

    public long Score(CycleState state, PodInfo pod, NodeInfo node)
    {
        long score = 0;
        foreach (var ((key, value), weight) in state.Read<ScoreState>(ScoreKey).Scores.Entries)
        {
            if (node.Labels.TryGetValue(key, out var nodeValue) && nodeValue == value)
            {
                score += weight;
            }
        }

        return score;
    }

    public void NormalizeScore(CycleState state, PodInfo pod, Span<NodeScore> scores)
    {
        if (scores.Length == 0)
        {
            return;
        }

        long min = long.MaxValue, max = long.MinValue;
        foreach (var s in scores)
        {
            min = Math.Min(min, s.Score);
            max = Math.Max(max, s.Score);
        }

        for (var i = 0; i < scores.Length; i++)
        {
            scores[i].Score = max - min > 0 ? (long)(NodeScore.MaxScore * ((double)(scores[i].Score - min) / (max - min))) : 0;
        }
    }

    private static bool SatisfiesAffinity(FilterState data, PodInfo pod, NodeInfo node)
    {
        var podsExist = true;
        foreach (var term in pod.RequiredAffinityTerms)
        {
            if (!node.Labels.TryGetValue(term.TopologyKey, out var value))
            {
                return false;
            }

            if (data.Affinity.Get(term.TopologyKey, value) <= 0)
            {
                podsExist = false;
            }
        }

        // The first pod of a group with affinity to itself may go anywhere its topology keys exist.
        return podsExist || (data.Affinity.Count == 0 && data.SelfMatch);
    }

    private static SchedulingStatus Change(CycleState state, PodInfo pod, PodInfo other, NodeInfo node, int delta)
    {
        if (state.TryRead<FilterState>(FilterKey, out var data))
        {
            Update(data, state.Snapshot, pod, other, node, delta);
        }

        return SchedulingStatus.Success;
    }

    /// <summary>Adds (or removes) <paramref name="other"/>'s contribution to the three filter counts.</summary>
    private static void Update(FilterState data, ISchedulerSnapshot snapshot, PodInfo pod, PodInfo other, NodeInfo node, int delta)
    {
        foreach (var term in other.RequiredAntiAffinityTerms)
        {
            if (node.Labels.TryGetValue(term.TopologyKey, out var value) && SelectsPod(data, term, pod, snapshot))
            {
                data.ExistingAntiAffinity.Add(term.TopologyKey, value, delta);
            }
        }

        if (pod.RequiredAffinityTerms.Length > 0 && pod.RequiredAffinityTerms.All(t => t.Matches(other, snapshot)))
        {
            foreach (var term in pod.RequiredAffinityTerms)
            {
                if (node.Labels.TryGetValue(term.TopologyKey, out var value))
                {
                    data.Affinity.Add(term.TopologyKey, value, delta);
                }
            }
        }

        foreach (var term in pod.RequiredAntiAffinityTerms)
        {
            if (node.Labels.TryGetValue(term.TopologyKey, out var value) && term.Matches(other, snapshot))
            {
                data.AntiAffinity.Add(term.TopologyKey, value, delta);
            }
        }
    }

    /// <summary>The same counts as the all-pods scan, from the cache's indexes.</summary>
    private static void CountIndexed(FilterState data, ISchedulerSnapshot snapshot, PodIndex index, PodInfo pod)
    {
        foreach (var (term, counts) in index.RequiredAntiAffinity)
        {
            if (term.Matches(pod, snapshot))
            {
                foreach (var ((key, value), count) in counts.Entries)
                {
                    data.ExistingAntiAffinity.Add(key, value, count);
                }
            }
        }

        if (pod.RequiredAffinityTerms.Length > 0)
        {
            foreach (var other in Candidates(index, snapshot, pod.RequiredAffinityTerms[0]))
            {
                if (snapshot.GetNode(other.NodeName) is { } node && pod.RequiredAffinityTerms.All(t => t.Matches(other, snapshot)))
                {
                    foreach (var term in pod.RequiredAffinityTerms)
                    {
                        if (node.Labels.TryGetValue(term.TopologyKey, out var value))
                        {
                            data.Affinity.Add(term.TopologyKey, value, 1);
                        }
                    }
                }
            }
        }

        foreach (var term in pod.RequiredAntiAffinityTerms)
        {
            foreach (var other in Candidates(index, snapshot, term))
            {
                if (snapshot.GetNode(other.NodeName) is { } node && node.Labels.TryGetValue(term.TopologyKey, out var value) && term.Matches(other, snapshot))
                {
                    data.AntiAffinity.Add(term.TopologyKey, value, 1);
                }
            }
        }
    }

    private static IEnumerable<PodInfo> Candidates(PodIndex index, ISchedulerSnapshot snapshot, AffinityTerm term) =>
        index.Candidates(term.Selector) ?? snapshot.Nodes.SelectMany(n => n.Pods);

    private static bool SelectsPod(FilterState data, AffinityTerm term, PodInfo pod, ISchedulerSnapshot snapshot)
    {
        if (data.TermMatchesPod is not { } memo)
        {
            return term.Matches(pod, snapshot);
        }

        if (!memo.TryGetValue(term, out var matches))
        {
            matches = term.Matches(pod, snapshot);
            memo[term] = matches;
        }

        return matches;
    }

    private void ScoreExisting(TopologyCounts scores, ISchedulerSnapshot snapshot, PodInfo pod, PodInfo other, NodeInfo node)
    {
        foreach (var term in pod.PreferredAffinityTerms)
        {
            AddIfMatches(scores, term, other, node, term.Weight, snapshot);
        }

        foreach (var term in pod.PreferredAntiAffinityTerms)
        {
            AddIfMatches(scores, term, other, node, -term.Weight, snapshot);
        }

        if (_hardWeight > 0)
        {
            foreach (var term in other.RequiredAffinityTerms)
            {
                AddIfMatches(scores, term, pod, node, _hardWeight, snapshot);
            }
        }

        foreach (var term in other.PreferredAffinityTerms)
        {
            AddIfMatches(scores, term, pod, node, term.Weight, snapshot);
        }

        foreach (var term in other.PreferredAntiAffinityTerms)
        {
            AddIfMatches(scores, term, pod, node, -term.Weight, snapshot);
        }
    }

    private static void AddIfMatches(TopologyCounts scores, AffinityTerm term, PodInfo target, NodeInfo node, long weight, ISchedulerSnapshot snapshot)
    {
        if (weight != 0 && node.Labels.TryGetValue(term.TopologyKey, out var value) && term.Matches(target, snapshot))
        {
            scores.Add(term.TopologyKey, value, weight);
        }
    }

    private sealed class FilterState(TopologyCounts existingAntiAffinity, TopologyCounts affinity, TopologyCounts antiAffinity) : IStateData
    {
        /// <summary>Domains where an existing pod's required anti-affinity selects the incoming pod.</summary>
        public TopologyCounts ExistingAntiAffinity { get; } = existingAntiAffinity;

        /// <summary>Domains with pods matching all of the incoming pod's required affinity terms.</summary>
        public TopologyCounts Affinity { get; } = affinity;

        /// <summary>Domains with pods matching the incoming pod's required anti-affinity terms.</summary>
        public TopologyCounts AntiAffinity { get; } = antiAffinity;

        public bool SelfMatch { get; set; }

        /// <summary>Set while PreFilter runs: whether an (interned) term selects the incoming pod.</summary>
        public Dictionary<AffinityTerm, bool>? TermMatchesPod { get; set; }

        public IStateData Clone() => new FilterState(ExistingAntiAffinity.Clone(), Affinity.Clone(), AntiAffinity.Clone()) { SelfMatch = SelfMatch };
    }

    private sealed class ScoreState(TopologyCounts scores) : IStateData
    {
        public TopologyCounts Scores { get; } = scores;

        public IStateData Clone() => this;
    }
}
