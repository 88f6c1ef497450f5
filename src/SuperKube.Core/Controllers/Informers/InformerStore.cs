using System.Globalization;
using SuperKube.Model;

namespace SuperKube.Controllers.Informers;

/// <summary>
/// The cache behind an informer: objects by <c>namespace/name</c> plus named indexes from index value to keys.
/// Thread-safe; the informer loop writes, listers read.
/// </summary>
internal sealed class InformerStore<T> : ILister<T>
    where T : class, IKubernetesObject
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, T> _items = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Index> _indexes = new(StringComparer.Ordinal);
    private long _revision;

    public InformerStore()
    {
        AddIndexer(InformerIndexes.Namespace, InformerIndexes.ByNamespace);
        AddIndexer(InformerIndexes.ControllerUid, InformerIndexes.ByControllerUid);
        AddIndexer(InformerIndexes.Orphans, InformerIndexes.ByOrphanNamespace);
    }

    public long Revision => Volatile.Read(ref _revision);

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _items.Count;
            }
        }
    }

    public static string KeyOf(string? ns, string name) => string.IsNullOrEmpty(ns) ? name : ns + "/" + name;

    public static string KeyOf(T obj) => KeyOf(obj.Metadata?.Namespace, obj.Metadata?.Name ?? "");

    public void AddIndexer(string name, Func<T, IEnumerable<string>> function)
    {
        lock (_lock)
        {
            if (_indexes.ContainsKey(name))
            {
                return;
            }

            var index = new Index(function);
            foreach (var (key, item) in _items)
            {
                index.Add(key, item);
            }

            _indexes[name] = index;
        }
    }

    public T? Get(string? ns, string name)
    {
        lock (_lock)
        {
            return _items.GetValueOrDefault(KeyOf(ns, name));
        }
    }

    public IReadOnlyList<T> List(string? ns) => ns is null ? All() : ByIndex(InformerIndexes.Namespace, ns);

    public IReadOnlyList<T> ByIndex(string indexName, string value)
    {
        lock (_lock)
        {
            if (!_indexes.TryGetValue(indexName, out var index))
            {
                throw new ArgumentException($"the informer has no index named \"{indexName}\"", nameof(indexName));
            }

            if (!index.Keys.TryGetValue(value, out var keys))
            {
                return [];
            }

            var result = new List<T>(keys.Count);
            foreach (var key in keys)
            {
                result.Add(_items[key]);
            }

            return result;
        }
    }

    /// <summary>Inserts or replaces an object; returns the previous one.</summary>
    public T? Upsert(T obj)
    {
        var key = KeyOf(obj);
        lock (_lock)
        {
            var old = _items.GetValueOrDefault(key);
            if (old is not null)
            {
                RemoveFromIndexes(key, old);
            }

            _items[key] = obj;
            foreach (var index in _indexes.Values)
            {
                index.Add(key, obj);
            }

            return old;
        }
    }

    /// <summary>Removes an object; returns the removed one, or null.</summary>
    public T? Remove(T obj)
    {
        var key = KeyOf(obj);
        lock (_lock)
        {
            if (!_items.Remove(key, out var old))
            {
                return null;
            }

            RemoveFromIndexes(key, old);
            return old;
        }
    }

    /// <summary>Every object, in no particular order.</summary>
    public IReadOnlyList<T> All()
    {
        lock (_lock)
        {
            return [.. _items.Values];
        }
    }

    public void SetRevision(string resourceVersion)
    {
        if (long.TryParse(resourceVersion, NumberStyles.None, CultureInfo.InvariantCulture, out var revision) && revision > Revision)
        {
            Volatile.Write(ref _revision, revision);
        }
    }

    private void RemoveFromIndexes(string key, T obj)
    {
        foreach (var index in _indexes.Values)
        {
            index.Remove(key, obj);
        }
    }

    private sealed class Index(Func<T, IEnumerable<string>> function)
    {
        public Dictionary<string, HashSet<string>> Keys { get; } = new(StringComparer.Ordinal);

        public void Add(string key, T obj)
        {
            foreach (var value in function(obj))
            {
                if (!Keys.TryGetValue(value, out var set))
                {
                    set = new HashSet<string>(StringComparer.Ordinal);
                    Keys[value] = set;
                }

                set.Add(key);
            }
        }

        public void Remove(string key, T obj)
        {
            foreach (var value in function(obj))
            {
                if (Keys.TryGetValue(value, out var set) && set.Remove(key) && set.Count == 0)
                {
                    Keys.Remove(value);
                }
            }
        }
    }
}
