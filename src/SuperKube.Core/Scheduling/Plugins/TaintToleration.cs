using SuperKube.Taints;
using SuperKube.Model.Core;
using SuperKube.Scheduling.Framework;

namespace SuperKube.Scheduling.Plugins;

/// <summary>
/// Filter: rejects nodes with a NoSchedule or NoExecute taint the pod does not tolerate. Score: prefers nodes
/// with fewer untolerated PreferNoSchedule taints.
/// </summary>
internal sealed class TaintToleration : IFilterPlugin, IPreScorePlugin, IScorePlugin, IEnqueueExtensions
{
    private const string StateKey = "PreScore" + PluginNames.TaintToleration;

    public string Name => PluginNames.TaintToleration;

    public ClusterEvents EventsToRegister => ClusterEvents.NodeAdded | ClusterEvents.NodeChanged;

    public SchedulingStatus Filter(CycleState state, PodInfo pod, NodeInfo node) =>
        Tolerations.FirstUntolerated(node.Taints, pod.Pod.Spec?.Tolerations) is { } taint
            ? SchedulingStatus.UnschedulableAndUnresolvable($"node(s) had untolerated taint {{{taint.Key}: {taint.Value}}}")
            : SchedulingStatus.Success;

    public SchedulingStatus PreScore(CycleState state, PodInfo pod, IReadOnlyList<NodeInfo> nodes)
    {
        var preferred = (pod.Pod.Spec?.Tolerations ?? []).Where(t => string.IsNullOrEmpty(t.Effect) || t.Effect == "PreferNoSchedule").ToList();
        state.Write(StateKey, new PreferredTolerations(preferred));
        return SchedulingStatus.Success;
    }

    public long Score(CycleState state, PodInfo pod, NodeInfo node)
    {
        var tolerations = state.Read<PreferredTolerations>(StateKey).Tolerations;
        long count = 0;
        foreach (var taint in node.Taints)
        {
            if (taint.Effect == "PreferNoSchedule" && !Tolerations.Tolerated(tolerations, taint))
            {
                count++;
            }
        }

        return count;
    }

    public void NormalizeScore(CycleState state, PodInfo pod, Span<NodeScore> scores) => ScoreNormalizer.Default(scores, reverse: true);

    private sealed class PreferredTolerations(List<Toleration> tolerations) : IStateData
    {
        public List<Toleration> Tolerations { get; } = tolerations;

        public IStateData Clone() => this;
    }
}
