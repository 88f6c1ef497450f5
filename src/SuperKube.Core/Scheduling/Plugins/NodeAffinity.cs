using SuperKube.Scheduling.Framework;

namespace SuperKube.Scheduling.Plugins;

/// <summary>
/// Filter: the node must match the pod's nodeSelector and required node affinity (In, NotIn, Exists,
/// DoesNotExist, Gt, Lt, matchFields on metadata.name). Score: the summed weights of the preferred terms that match.
/// </summary>
internal sealed class NodeAffinity : IPreFilterPlugin, IFilterPlugin, IPreScorePlugin, IScorePlugin, IEnqueueExtensions
{
    public const string Reason = "node(s) didn't match Pod's node affinity/selector";
    private const string FilterKey = "PreFilter" + PluginNames.NodeAffinity;
    private const string ScoreKey = "PreScore" + PluginNames.NodeAffinity;

    public string Name => PluginNames.NodeAffinity;

    public ClusterEvents EventsToRegister => ClusterEvents.NodeAdded | ClusterEvents.NodeChanged;

    public SchedulingStatus PreFilter(CycleState state, PodInfo pod)
    {
        var required = NodeSelectorMatcher.Required(pod.Pod.Spec);
        if (required.IsEmpty)
        {
            return SchedulingStatus.Skip;
        }

        state.Write(FilterKey, new Required(required));
        return SchedulingStatus.Success;
    }

    public SchedulingStatus Filter(CycleState state, PodInfo pod, NodeInfo node)
    {
        var required = state.TryRead<Required>(FilterKey, out var r) ? r.Matcher : NodeSelectorMatcher.Required(pod.Pod.Spec);
        return required.Matches(node) ? SchedulingStatus.Success : SchedulingStatus.UnschedulableAndUnresolvable(Reason);
    }

    public SchedulingStatus PreScore(CycleState state, PodInfo pod, IReadOnlyList<NodeInfo> nodes)
    {
        var terms = pod.Pod.Spec?.Affinity?.NodeAffinity?.PreferredDuringSchedulingIgnoredDuringExecution;
        if (terms is not { Count: > 0 })
        {
            return SchedulingStatus.Skip;
        }

        state.Write(ScoreKey, new Preferred([.. terms.Where(t => t.Preference is not null && t.Weight is not 0)
            .Select(t => (NodeSelectorMatcher.Term(t.Preference!), (long)(t.Weight ?? 0)))]));
        return SchedulingStatus.Success;
    }

    public long Score(CycleState state, PodInfo pod, NodeInfo node)
    {
        long score = 0;
        foreach (var (term, weight) in state.Read<Preferred>(ScoreKey).Terms)
        {
            if (term.Matches(node))
            {
                score += weight;
            }
        }

        return score;
    }

    public void NormalizeScore(CycleState state, PodInfo pod, Span<NodeScore> scores) => ScoreNormalizer.Default(scores, reverse: false);

    private sealed class Required(NodeSelectorMatcher matcher) : IStateData
    {
        public NodeSelectorMatcher Matcher { get; } = matcher;

        public IStateData Clone() => this;
    }

    private sealed class Preferred((NodeSelectorMatcher Term, long Weight)[] terms) : IStateData
    {
        public (NodeSelectorMatcher Term, long Weight)[] Terms { get; } = terms;

        public IStateData Clone() => this;
    }
}
