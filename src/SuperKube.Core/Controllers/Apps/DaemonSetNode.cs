using SuperKube.Model.Core;

namespace SuperKube.Controllers.Apps;

/// <summary>One node as a DaemonSet sync sees it: whether the daemon belongs there, and its pods there by revision.</summary>
/// <param name="Name">The node name.</param>
/// <param name="ShouldRun">True when the daemon pod belongs on the node.</param>
/// <param name="Current">Live pods of the current revision, oldest first.</param>
/// <param name="Old">Live pods of older revisions, oldest first.</param>
/// <param name="Terminating">Pods being deleted or finished.</param>
internal sealed record DaemonSetNode(string Name, bool ShouldRun, List<Pod> Current, List<Pod> Old, List<Pod> Terminating)
{
    public IEnumerable<Pod> Live => Current.Concat(Old);

    /// <summary>Groups the daemon's pods by node; nodes with pods but no longer in the cluster are included (ShouldRun false).</summary>
    public static List<DaemonSetNode> Group(IEnumerable<Node> nodes, IEnumerable<Pod> pods, PodSpec? spec, string hash)
    {
        var result = nodes.OrderBy(n => n.Metadata?.Name, StringComparer.Ordinal)
            .ToDictionary(n => n.Metadata?.Name ?? "", n => new DaemonSetNode(n.Metadata?.Name ?? "", NodeEligibility.ShouldRun(n, spec), [], [], []), StringComparer.Ordinal);
        foreach (var pod in pods.OrderBy(p => p.Metadata?.CreationTimestamp).ThenBy(p => p.Metadata?.Name, StringComparer.Ordinal))
        {
            var nodeName = pod.Spec?.NodeName ?? "";
            if (!result.TryGetValue(nodeName, out var node))
            {
                node = result[nodeName] = new DaemonSetNode(nodeName, false, [], [], []);
            }

            var list = !PodStates.IsActive(pod) ? node.Terminating
                : WorkloadPods.Label(pod, ControllerRevisions.HashLabel) == hash ? node.Current
                : node.Old;
            list.Add(pod);
        }

        return [.. result.Values];
    }
}
