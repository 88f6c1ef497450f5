using SuperKube.Storage;

namespace SuperKube.WatchCache;

/// <summary>
/// The cached state of one resource (one storage key): current objects, a bounded window of recent events for
/// resuming watches, and the live watchers. A resource whose objects are not held (<see cref="KeepsObjects"/> false,
/// Events by default, as in Kubernetes) keeps only the window and the watchers; its reads go to the store.
/// </summary>
internal sealed class ResourceCache
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Namespace, string Name), CachedObject> _objects = [];
    private readonly Queue<CacheEvent> _history = new();
    private readonly List<CacheWatcher> _watchers = [];
    private readonly int _historyCapacity;
    private readonly string _storageKey;

    /// <summary>Watches may resume after any revision at or above this one.</summary>
    private long _horizon;

    public ResourceCache(string storageKey, long horizon, int historyCapacity, bool keepsObjects = true)
    {
        _storageKey = storageKey;
        _horizon = horizon;
        _historyCapacity = historyCapacity;
        KeepsObjects = keepsObjects;
    }

    /// <summary>False when the current objects are not held: <see cref="Get"/> and <see cref="List"/> are then not available.</summary>
    public bool KeepsObjects { get; }

    public int Count
    {
        get
        {
            EnsureKeepsObjects();
            lock (_gate)
            {
                return _objects.Count;
            }
        }
    }

    /// <summary>Loads an object present at start-up (no event is produced).</summary>
    public void Load(StoredObject stored)
    {
        if (!KeepsObjects)
        {
            return;
        }

        lock (_gate)
        {
            _objects[(stored.Key.Namespace, stored.Key.Name)] = new CachedObject(stored);
        }
    }

    /// <summary>Applies a committed change and hands it to the watchers. <paramref name="publish"/> runs under the lock.</summary>
    public void Apply(StoredChange change, Action publish)
    {
        var key = (change.Object.Key.Namespace, change.Object.Key.Name);
        var obj = new CachedObject(change.Object);
        lock (_gate)
        {
            CachedObject? previous = null;
            if (!KeepsObjects)
            {
                obj.Supersede(); // no model is kept for an object only the history holds
            }
            else if (change.Type == ChangeType.Deleted)
            {
                _objects.Remove(key, out previous);
                previous?.Supersede();
                obj.Supersede();
            }
            else
            {
                _objects.TryGetValue(key, out previous);
                previous?.Supersede();
                _objects[key] = obj;
            }

            var e = new CacheEvent(change.Type, obj, previous);
            _history.Enqueue(e);
            while (_history.Count > _historyCapacity)
            {
                _horizon = _history.Dequeue().Revision;
            }

            foreach (var watcher in _watchers)
            {
                watcher.Offer(e);
            }

            publish();
        }
    }

    public CachedObject? Get(string ns, string name)
    {
        EnsureKeepsObjects();
        lock (_gate)
        {
            return _objects.GetValueOrDefault((ns, name));
        }
    }

    /// <summary>The objects of a namespace (or all when null), sorted by namespace and name.</summary>
    public List<CachedObject> List(string? ns)
    {
        EnsureKeepsObjects();
        List<CachedObject> items;
        lock (_gate)
        {
            items = ns is null
                ? [.. _objects.Values]
                : [.. _objects.Values.Where(o => o.Key.Namespace == ns)];
        }

        items.Sort(static (a, b) =>
        {
            var c = string.CompareOrdinal(a.Key.Namespace, b.Key.Namespace);
            return c != 0 ? c : string.CompareOrdinal(a.Key.Name, b.Key.Name);
        });
        return items;
    }

    /// <summary>
    /// Starts a watch. With <paramref name="afterRevision"/> null the watcher first receives the current objects
    /// (<see cref="CacheWatcher.Initial"/>); otherwise every retained event after that revision is replayed.
    /// </summary>
    public CacheWatcher Watch(string? ns, long? afterRevision)
    {
        if (afterRevision is null)
        {
            EnsureKeepsObjects();
        }

        return Subscribe(ns, afterRevision, () => afterRevision is null
            ? [.. _objects.Values.Where(o => ns is null || o.Key.Namespace == ns).OrderBy(o => o.Revision)]
            : []);
    }

    /// <summary>
    /// Starts a watch whose initial objects were read elsewhere (from the store, at <paramref name="afterRevision"/>);
    /// every retained event after that revision follows them.
    /// </summary>
    public CacheWatcher Watch(string? ns, long afterRevision, IReadOnlyList<CachedObject> initial) =>
        Subscribe(ns, afterRevision, () => initial);

    private CacheWatcher Subscribe(string? ns, long? afterRevision, Func<IReadOnlyList<CachedObject>> initial)
    {
        lock (_gate)
        {
            if (afterRevision is { } after && after < _horizon)
            {
                throw new RevisionCompactedException(after, _horizon);
            }

            var watcher = new CacheWatcher(ns, Unsubscribe) { Initial = initial() };
            if (afterRevision is { } from)
            {
                foreach (var e in _history)
                {
                    if (e.Revision > from)
                    {
                        watcher.Offer(e);
                    }
                }
            }

            _watchers.Add(watcher);
            return watcher;
        }
    }

    /// <summary>Ends every watch (shutdown).</summary>
    public void CompleteAll()
    {
        lock (_gate)
        {
            foreach (var watcher in _watchers)
            {
                watcher.Complete();
            }
        }
    }

    private void EnsureKeepsObjects()
    {
        if (!KeepsObjects)
        {
            throw new InvalidOperationException($"The watch cache does not hold the objects of {_storageKey}; read them from the store.");
        }
    }

    private void Unsubscribe(CacheWatcher watcher)
    {
        lock (_gate)
        {
            _watchers.Remove(watcher);
        }
    }
}
