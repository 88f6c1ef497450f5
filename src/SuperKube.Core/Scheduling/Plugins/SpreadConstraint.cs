using SuperKube.Taints;
using SuperKube.Model.Core;
using SuperKube.Scheduling.Framework;

namespace SuperKube.Scheduling.Plugins;

/// <summary>A parsed topology spread constraint with its defaults applied (minDomains 1, Honor node affinity, Ignore taints).</summary>
internal sealed record SpreadConstraint(
    int MaxSkew, string TopologyKey, LabelMatcher Selector, int MinDomains, bool HonorNodeAffinity, bool HonorTaints)
{
    public static SpreadConstraint[] Parse(PodInfo pod, string whenUnsatisfiable) =>
    [
        .. (pod.Pod.Spec?.TopologySpreadConstraints ?? [])
            .Where(c => (c.WhenUnsatisfiable ?? "DoNotSchedule") == whenUnsatisfiable)
            .Select(c => Create(c, pod)),
    ];

    /// <summary>True when the node carries every constraint's topology key.</summary>
    public static bool HasAllKeys(NodeInfo node, SpreadConstraint[] constraints)
    {
        foreach (var c in constraints)
        {
            if (!node.Labels.ContainsKey(c.TopologyKey))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the node's domain counts at all: nodeAffinityPolicy and nodeTaintsPolicy.</summary>
    public bool IncludesNode(PodInfo pod, NodeInfo node, NodeSelectorMatcher requiredAffinity) =>
        (!HonorNodeAffinity || requiredAffinity.Matches(node))
        && (!HonorTaints || Tolerations.FirstUntolerated(node.Taints, pod.Pod.Spec?.Tolerations) is null);

    /// <summary>Pods on the node in the pod's namespace that the selector matches, not counting terminating pods.</summary>
    public int CountMatching(NodeInfo node, string ns)
    {
        var count = 0;
        var pods = node.Pods;
        for (var i = 0; i < pods.Count; i++)
        {
            var p = pods[i];
            if (!p.IsTerminating && p.Namespace == ns && Selector.Matches(p.Labels))
            {
                count++;
            }
        }

        return count;
    }

    private static SpreadConstraint Create(TopologySpreadConstraint c, PodInfo pod)
    {
        var selector = LabelMatcher.From(c.LabelSelector);
        if (c.LabelSelector is not null && c.MatchLabelKeys is { Count: > 0 } keys)
        {
            selector = selector.With(keys.Where(pod.Labels.ContainsKey).Select(k => (k, pod.Labels[k])));
        }

        return new SpreadConstraint(
            c.MaxSkew ?? 1,
            c.TopologyKey ?? "",
            selector,
            c.MinDomains ?? 1,
            (c.NodeAffinityPolicy ?? "Honor") == "Honor",
            (c.NodeTaintsPolicy ?? "Ignore") == "Honor");
    }
}
