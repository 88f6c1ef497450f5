using SuperKube.Scheduling.Framework;

namespace SuperKube.Scheduling.Queue;

/// <summary>
/// Pending pods nominated to a node by preemption: other pods of lower priority must leave them room. Changed
/// only by the scheduling loop; read (not written) by parallel filters.
/// </summary>
internal sealed class PodNominator
{
    private readonly Dictionary<string, List<PodInfo>> _byNode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _nodeOf = new(StringComparer.Ordinal);

    public int Count => _nodeOf.Count;

    /// <summary>Records (or with an empty node clears) the nomination of a pending pod.</summary>
    public void Set(PodInfo pod, string nodeName)
    {
        Remove(pod.Uid);
        if (nodeName.Length == 0)
        {
            return;
        }

        pod.NominatedNodeName = nodeName;
        _nodeOf[pod.Uid] = nodeName;
        if (!_byNode.TryGetValue(nodeName, out var pods))
        {
            pods = [];
            _byNode[nodeName] = pods;
        }

        pods.Add(pod);
    }

    public void Remove(string uid)
    {
        if (_nodeOf.Remove(uid, out var node) && _byNode.TryGetValue(node, out var pods))
        {
            pods.RemoveAll(p => p.Uid == uid);
            if (pods.Count == 0)
            {
                _byNode.Remove(node);
            }
        }
    }

    public IReadOnlyList<PodInfo> PodsOn(string nodeName) => _byNode.TryGetValue(nodeName, out var pods) ? pods : [];
}
