using System.Collections.Concurrent;

namespace SuperKube.Runtime.Fake;

/// <summary>
/// A container's files, in memory: mounted volumes (projected files, or directories shared by host path) over a
/// private root. Enough for <c>cat</c>, <c>touch</c>, <c>rm</c> and <c>ls</c> in fake processes and probes.
/// </summary>
internal sealed class FakeFileSystem
{
    private readonly List<Mount> _mounts;
    private readonly ConcurrentDictionary<string, byte[]> _root = SmallConcurrentMap.Create<byte[]>();

    public FakeFileSystem(IEnumerable<Mount> mounts) =>
        _mounts = [.. mounts.OrderByDescending(m => m.Path.Length)];

    public bool TryRead(string path, out byte[] content)
    {
        var (store, relative, _) = Resolve(path);
        return store.TryGetValue(relative, out content!);
    }

    public bool Exists(string path)
    {
        var (store, relative, _) = Resolve(path);
        return store.ContainsKey(relative) || store.Keys.Any(k => k.StartsWith(relative + "/", StringComparison.Ordinal)) || relative.Length == 0;
    }

    /// <summary>Writes or appends; false when the path is on a read-only volume.</summary>
    public bool Write(string path, byte[] content, bool append)
    {
        var (store, relative, readOnly) = Resolve(path);
        if (readOnly)
        {
            return false;
        }

        store.AddOrUpdate(relative, content, (_, old) => append ? [.. old, .. content] : content);
        return true;
    }

    public bool Delete(string path)
    {
        var (store, relative, readOnly) = Resolve(path);
        if (readOnly)
        {
            return false;
        }

        var removed = store.TryRemove(relative, out _);
        foreach (var key in store.Keys.Where(k => k.StartsWith(relative + "/", StringComparison.Ordinal)))
        {
            removed |= store.TryRemove(key, out _);
        }

        return removed;
    }

    /// <summary>The names directly under <paramref name="directory"/>, sorted.</summary>
    public IReadOnlyList<string> List(string directory)
    {
        var (store, relative, _) = Resolve(directory);
        var prefix = relative.Length == 0 ? "" : relative + "/";
        var names = store.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Select(k => k[prefix.Length..].Split('/')[0]);
        var dir = Normalize(directory);
        var mounted = _mounts.Where(m => m.Path.StartsWith(dir == "/" ? "/" : dir + "/", StringComparison.Ordinal) && m.Path != dir)
            .Select(m => m.Path[(dir == "/" ? 1 : dir.Length + 1)..].Split('/')[0]);
        return [.. names.Concat(mounted).Distinct().Order(StringComparer.Ordinal)];
    }

    private (ConcurrentDictionary<string, byte[]> Store, string Relative, bool ReadOnly) Resolve(string path)
    {
        var normalized = Normalize(path);
        foreach (var mount in _mounts)
        {
            if (normalized == mount.Path)
            {
                return (mount.Store, "", mount.ReadOnly);
            }

            if (normalized.StartsWith(mount.Path + "/", StringComparison.Ordinal))
            {
                return (mount.Store, normalized[(mount.Path.Length + 1)..], mount.ReadOnly);
            }
        }

        return (_root, normalized.TrimStart('/'), false);
    }

    private static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part != ".")
            {
                parts.Add(part);
            }
        }

        return "/" + string.Join('/', parts);
    }

    /// <summary>A volume at <see cref="Path"/> (normalised, absolute) backed by <see cref="Store"/>.</summary>
    internal sealed record Mount(string Path, ConcurrentDictionary<string, byte[]> Store, bool ReadOnly)
    {
        public static Mount Create(string path, ConcurrentDictionary<string, byte[]> store, bool readOnly) => new(Normalize(path), store, readOnly);
    }
}
