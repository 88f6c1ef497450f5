using System.Globalization;
using SuperKube.Api;
using SuperKube.Registry;
using SuperKube.Storage;
using SuperKube.WatchCache;

namespace SuperKube.Resources;

/// <summary>GET, LIST and the start of WATCH, all served by the watch cache.</summary>
internal sealed class ResourceReader(ResourceWatchCache cache, IResourceStore store)
{
    /// <summary>The object, or 404.</summary>
    public CachedObject Get(ResourceType type, string ns, string name) =>
        cache.For(type.StorageKey).Get(Scope(type, ns), name) ?? throw ApiException.NotFound(type, name);

    /// <summary>The newest revision the cache holds.</summary>
    public long CurrentRevision => cache.Revision;

    /// <summary>The object or null.</summary>
    public CachedObject? Find(ResourceType type, string ns, string name) => cache.For(type.StorageKey).Get(Scope(type, ns), name);

    /// <summary>Waits until the cache holds every committed write (a consistent read).</summary>
    public async ValueTask SyncAsync(CancellationToken cancellationToken) =>
        await WaitForAsync(store.CurrentRevision, cancellationToken).ConfigureAwait(false);

    public async ValueTask WaitForAsync(long revision, CancellationToken cancellationToken)
    {
        if (!await cache.WaitForRevisionAsync(revision, cancellationToken).ConfigureAwait(false))
        {
            throw ApiException.Timeout(
                $"Too large resource version: {revision}, current: {cache.Revision}", "ResourceVersionTooLarge", "Too large resource version");
        }
    }

    public async ValueTask<ListResult> ListAsync(ResourceType type, string? ns, ListOptions options, CancellationToken cancellationToken)
    {
        var filter = ObjectFilter.Create(type, options);
        long? minimum = options.ResourceVersion switch
        {
            "" => store.CurrentRevision,
            "0" => null,
            var text => ParseRevision(text),
        };
        if (options.Continue.Length > 0)
        {
            minimum = null;
        }

        if (minimum is { } wanted)
        {
            await WaitForAsync(wanted, cancellationToken).ConfigureAwait(false);
        }

        var revision = cache.Revision;
        var all = cache.For(type.StorageKey).List(ns is null ? null : Scope(type, ns));
        var start = 0;
        if (options.Continue.Length > 0)
        {
            var (tokenRevision, startNs, startName) = ContinueToken.Decode(options.Continue);
            revision = tokenRevision;
            start = FirstAfter(all, startNs, startName);
        }

        var items = new List<CachedObject>();
        var index = start;
        for (; index < all.Count; index++)
        {
            var obj = all[index];
            if (!filter.Matches(obj))
            {
                continue;
            }

            if (options.Limit > 0 && items.Count == options.Limit)
            {
                break;
            }

            items.Add(obj);
        }

        if (index < all.Count && options.Limit > 0 && items.Count == options.Limit)
        {
            var last = items[^1];
            long? remaining = filter.IsEmpty ? all.Count - index : null;
            return new ListResult(revision, items, ContinueToken.Encode(revision, last.Key.Namespace, last.Key.Name), remaining);
        }

        return new ListResult(revision, items, "", null);
    }

    /// <summary>
    /// Starts a watch at the options' resourceVersion: "" or "0" first replays the current objects; a revision the
    /// cache no longer holds answers 410 Expired.
    /// </summary>
    public async ValueTask<CacheWatcher> WatchAsync(ResourceType type, string? ns, ListOptions options, CancellationToken cancellationToken)
    {
        long? after = options.ResourceVersion is "" or "0" ? null : ParseRevision(options.ResourceVersion);
        if (after is { } from)
        {
            await WaitForAsync(from, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return cache.For(type.StorageKey).Watch(ns is null ? null : Scope(type, ns), after);
        }
        catch (RevisionCompactedException ex)
        {
            throw ApiException.Expired(ex.Message);
        }
    }

    public static long ParseRevision(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw ApiException.BadRequest($"invalid resource version \"{text}\"");

    private static string Scope(ResourceType type, string ns) => type.IsNamespaced ? ns : "";

    private static int FirstAfter(List<CachedObject> sorted, string ns, string name)
    {
        var lo = 0;
        var hi = sorted.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            var key = sorted[mid].Key;
            var c = string.CompareOrdinal(key.Namespace, ns);
            if (c == 0)
            {
                c = string.CompareOrdinal(key.Name, name);
            }

            if (c <= 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
