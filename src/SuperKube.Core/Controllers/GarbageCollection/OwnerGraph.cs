using SuperKube.Client;

namespace SuperKube.Controllers.GarbageCollection;

/// <summary>
/// The garbage collector's view of ownership: every observed object by uid, and for every owner uid (observed or
/// not) the objects that name it. Each change answers which uids need a look, so the collector only re-checks what
/// a change can affect. Thread-safe.
/// </summary>
internal sealed class OwnerGraph
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, GraphNode> _nodes = [];
    private readonly Dictionary<string, HashSet<string>> _dependents = [];

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _nodes.Count;
            }
        }
    }

    public GraphNode? Get(string uid)
    {
        lock (_lock)
        {
            return _nodes.GetValueOrDefault(uid);
        }
    }

    /// <summary>The observed objects that name <paramref name="ownerUid"/> in their owner references.</summary>
    public IReadOnlyList<GraphNode> DependentsOf(string ownerUid)
    {
        lock (_lock)
        {
            return _dependents.TryGetValue(ownerUid, out var uids) ? [.. uids.Select(u => _nodes[u])] : [];
        }
    }

    /// <summary>Records an added or changed object; returns the uids to process.</summary>
    public IReadOnlyList<string> Observe(GraphNode node)
    {
        lock (_lock)
        {
            var work = new HashSet<string>();
            _nodes.TryGetValue(node.Uid, out var previous);
            _nodes[node.Uid] = node;
            if (previous is null || !previous.SameOwners(node))
            {
                foreach (var owner in previous?.Owners ?? [])
                {
                    Unlink(owner.Uid, node.Uid);
                    work.Add(owner.Uid);
                }

                foreach (var owner in node.Owners)
                {
                    Link(owner.Uid, node.Uid);
                }

                if (node.Owners.Count > 0)
                {
                    work.Add(node.Uid);
                }
            }

            if (node.OrphaningDependents || node.DeletingDependents)
            {
                work.Add(node.Uid);
            }

            if (node.DeletingDependents && previous?.DeletingDependents != true && _dependents.TryGetValue(node.Uid, out var dependents))
            {
                work.UnionWith(dependents);
            }

            return [.. work];
        }
    }

    /// <summary>Records a deleted object; its dependents and owners need a look.</summary>
    public IReadOnlyList<string> Forget(string uid)
    {
        lock (_lock)
        {
            return ForgetLocked(uid);
        }
    }

    /// <summary>Replaces every object of <paramref name="resource"/> after a (re)list; returns the uids to process.</summary>
    public IReadOnlyList<string> Replace(ApiResource resource, IReadOnlyList<GraphNode> nodes)
    {
        var work = new HashSet<string>();
        lock (_lock)
        {
            var present = nodes.Select(n => n.Uid).ToHashSet();
            foreach (var gone in _nodes.Values.Where(n => n.Resource == resource && !present.Contains(n.Uid)).Select(n => n.Uid).ToList())
            {
                work.UnionWith(ForgetLocked(gone));
            }
        }

        foreach (var node in nodes)
        {
            work.UnionWith(Observe(node));
        }

        return [.. work];
    }

    private List<string> ForgetLocked(string uid)
    {
        var work = new List<string>();
        if (!_nodes.Remove(uid, out var node))
        {
            return work;
        }

        foreach (var owner in node.Owners)
        {
            Unlink(owner.Uid, uid);
            work.Add(owner.Uid);
        }

        if (_dependents.TryGetValue(uid, out var dependents))
        {
            work.AddRange(dependents);
        }

        return work;
    }

    private void Link(string owner, string dependent)
    {
        if (!_dependents.TryGetValue(owner, out var set))
        {
            set = [];
            _dependents[owner] = set;
        }

        set.Add(dependent);
    }

    private void Unlink(string owner, string dependent)
    {
        if (_dependents.TryGetValue(owner, out var set) && set.Remove(dependent) && set.Count == 0)
        {
            _dependents.Remove(owner);
        }
    }
}
