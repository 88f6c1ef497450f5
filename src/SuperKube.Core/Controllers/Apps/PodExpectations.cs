using System.Collections.Concurrent;

namespace SuperKube.Controllers.Apps;

/// <summary>
/// What a ReplicaSet's last sync created and deleted but its pod informer may not show yet. Creations are awaited
/// by revision (the informer has seen them once it reached the newest created pod's resourceVersion), deletions by
/// pod (gone from the cache or marked deleting). While expectations are open the set is not resized again, so a lagging
/// cache never causes extra pods. Entries expire after five minutes, as upstream.
/// </summary>
internal sealed class PodExpectations(TimeProvider time)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public void Created(string key, long revision)
    {
        var entry = _entries.GetOrAdd(key, _ => new Entry(time.GetUtcNow()));
        lock (entry)
        {
            entry.Revision = Math.Max(entry.Revision, revision);
        }
    }

    /// <summary>A change to an existing pod (such as a finalizer removed), awaited by revision like a creation.</summary>
    public void Patched(string key, long revision) => Created(key, revision);

    public void Deleting(string key, string podName)
    {
        var entry = _entries.GetOrAdd(key, _ => new Entry(time.GetUtcNow()));
        lock (entry)
        {
            entry.Deletions.Add(podName);
        }
    }

    /// <summary>
    /// True when everything expected was observed: <paramref name="cacheRevision"/> reached the created pods and
    /// <paramref name="stillThere"/> is false for every deleted pod.
    /// </summary>
    public bool Satisfied(string key, long cacheRevision, Func<string, bool> stillThere)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            return true;
        }

        lock (entry)
        {
            if (time.GetUtcNow() - entry.Since > Timeout)
            {
                _entries.TryRemove(key, out _);
                return true;
            }

            entry.Deletions.RemoveWhere(name => !stillThere(name));
            if (cacheRevision < entry.Revision || entry.Deletions.Count > 0)
            {
                return false;
            }
        }

        _entries.TryRemove(key, out _);
        return true;
    }

    public void Forget(string key) => _entries.TryRemove(key, out _);

    private sealed class Entry(DateTimeOffset since)
    {
        public DateTimeOffset Since { get; } = since;

        public long Revision { get; set; }

        public HashSet<string> Deletions { get; } = new(StringComparer.Ordinal);
    }
}
