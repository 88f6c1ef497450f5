using SuperKube.Model.Core;
using SuperKube.Scheduling.Framework;

namespace SuperKube.Scheduling.Cache;

/// <summary>
/// The scheduler's view of the cluster: nodes with the pods bound or assumed on them and their summed requests,
/// namespace labels and disruption budgets. Changed only by the scheduling loop, between attempts, so an attempt
/// reads a consistent state without copying it.
/// </summary>
internal sealed class SchedulerCache : ISchedulerSnapshot
{
    private readonly Dictionary<string, NodeInfo> _nodes = new(StringComparer.Ordinal);
    private readonly List<NodeInfo> _nodeList = [];
    private readonly Dictionary<string, int> _nodeIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CachedPod> _pods = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _imageNodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _namespaces = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DisruptionBudget> _budgets = new(StringComparer.Ordinal);

    public IReadOnlyList<NodeInfo> Nodes => _nodeList;

    public int PodCount => _pods.Count;

    public int PodsWithAffinityCount { get; private set; }

    /// <summary>Indexes of the bound pods for inter-pod affinity.</summary>
    public PodIndex Index { get; } = new();

    public int PodsWithRequiredAntiAffinityCount { get; private set; }

    public IReadOnlyCollection<DisruptionBudget> Budgets => _budgets.Values;

    public NodeInfo? GetNode(string name) => _nodeIndex.TryGetValue(name, out var i) ? _nodeList[i] : null;

    public int NodesWithImage(string image) => _imageNodes.TryGetValue(image, out var count) ? count : 0;

    public IReadOnlyDictionary<string, string>? NamespaceLabels(string ns) => _namespaces.TryGetValue(ns, out var labels) ? labels : null;

    public void SetNamespace(string name, IReadOnlyDictionary<string, string>? labels)
    {
        if (labels is null)
        {
            _namespaces.Remove(name);
        }
        else
        {
            _namespaces[name] = labels;
        }
    }

    public void SetBudget(string key, DisruptionBudget? budget)
    {
        if (budget is null)
        {
            _budgets.Remove(key);
        }
        else
        {
            _budgets[key] = budget;
        }
    }

    /// <summary>Adds or updates a node; returns the previous node object, if any.</summary>
    public Node? SetNode(Node node)
    {
        var name = node.Metadata?.Name ?? "";
        if (!_nodes.TryGetValue(name, out var info))
        {
            info = new NodeInfo(name);
            _nodes[name] = info;
        }

        var previous = info.HasNode ? info.Node : null;
        var oldLabels = info.Labels;
        CountImages(info, -1);
        info.SetNode(node);
        CountImages(info, 1);
        if (oldLabels.Count != info.Labels.Count || oldLabels.Any(kv => !info.Labels.TryGetValue(kv.Key, out var v) || v != kv.Value))
        {
            Reindex(info.Pods, oldLabels, info.Labels);
        }
        if (!_nodeIndex.ContainsKey(name))
        {
            _nodeIndex[name] = _nodeList.Count;
            _nodeList.Add(info);
        }

        return previous;
    }

    public void RemoveNode(string name)
    {
        if (!_nodes.TryGetValue(name, out var info))
        {
            return;
        }

        CountImages(info, -1);
        if (_nodeIndex.Remove(name, out var index))
        {
            var last = _nodeList[^1];
            _nodeList[index] = last;
            _nodeList.RemoveAt(_nodeList.Count - 1);
            if (last != info)
            {
                _nodeIndex[last.Name] = index;
            }
        }

        // Pods bound to a deleted node keep a placeholder until they go, so their requests are not lost.
        if (info.Pods.Count == 0)
        {
            _nodes.Remove(name);
        }
        else
        {
            _nodes[name] = Placeholder(info);
            Reindex(info.Pods, info.Labels, new Dictionary<string, string>());
        }
    }

    private void Reindex(IReadOnlyList<PodInfo> pods, IReadOnlyDictionary<string, string> oldLabels, IReadOnlyDictionary<string, string> newLabels)
    {
        foreach (var pod in pods)
        {
            Index.Update(pod, oldLabels, -1);
            Index.Update(pod, newLabels, 1);
        }
    }

    /// <summary>The node names currently known, for resynchronising after a relist.</summary>
    public IReadOnlyCollection<string> NodeNames => [.. _nodeIndex.Keys];

    public IReadOnlyCollection<string> PodUids => [.. _pods.Keys];

    public bool IsAssumed(string uid) => _pods.TryGetValue(uid, out var pod) && pod.Assumed;

    public PodInfo? GetPod(string uid) => _pods.TryGetValue(uid, out var pod) ? pod.Pod : null;

    /// <summary>Places a pod the scheduler chose a node for, before the API confirms the binding.</summary>
    public void AssumePod(PodInfo pod)
    {
        RemovePod(pod.Uid);
        Place(pod, assumed: true);
    }

    /// <summary>Undoes <see cref="AssumePod"/> after a failed bind; does nothing once the binding was observed.</summary>
    public void ForgetPod(string uid)
    {
        if (IsAssumed(uid))
        {
            RemovePod(uid);
        }
    }

    /// <summary>Adds or updates a pod the API reports bound to a node (confirming an assumption).</summary>
    public void SetPod(PodInfo pod)
    {
        RemovePod(pod.Uid);
        Place(pod, assumed: false);
    }

    public PodInfo? RemovePod(string uid)
    {
        if (!_pods.Remove(uid, out var cached))
        {
            return null;
        }

        Count(cached.Pod, -1);
        if (_nodes.TryGetValue(cached.Pod.NodeName, out var node))
        {
            Index.Update(cached.Pod, node.Labels, -1);
            node.RemovePod(uid);
            if (!node.HasNode && node.Pods.Count == 0)
            {
                _nodes.Remove(node.Name);
            }
        }

        return cached.Pod;
    }

    private void Place(PodInfo pod, bool assumed)
    {
        if (!_nodes.TryGetValue(pod.NodeName, out var node))
        {
            node = new NodeInfo(pod.NodeName);
            _nodes[pod.NodeName] = node;
        }

        node.AddPod(pod);
        Index.Update(pod, node.Labels, 1);
        _pods[pod.Uid] = new CachedPod(pod, assumed);
        Count(pod, 1);
    }

    private void Count(PodInfo pod, int delta)
    {
        PodsWithAffinityCount += pod.HasAffinity ? delta : 0;
        PodsWithRequiredAntiAffinityCount += pod.RequiredAntiAffinityTerms.Length > 0 ? delta : 0;
    }

    private static NodeInfo Placeholder(NodeInfo info)
    {
        var placeholder = new NodeInfo(info.Name);
        foreach (var pod in info.Pods)
        {
            placeholder.AddPod(pod);
        }

        return placeholder;
    }

    private void CountImages(NodeInfo info, int delta)
    {
        if (!info.HasNode)
        {
            return;
        }

        foreach (var image in info.ImageSizes.Keys)
        {
            var count = NodesWithImage(image) + delta;
            if (count <= 0)
            {
                _imageNodes.Remove(image);
            }
            else
            {
                _imageNodes[image] = count;
            }
        }
    }

    private readonly record struct CachedPod(PodInfo Pod, bool Assumed);
}
