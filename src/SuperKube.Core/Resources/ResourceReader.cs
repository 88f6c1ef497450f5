using System.Globalization;
using SuperKube.Api;
using SuperKube.Registry;
using SuperKube.Storage;
using SuperKube.WatchCache;

namespace SuperKube.Resources;

/// <summary>
/// GET, LIST and the start of WATCH, served by the watch cache; for the resources it does not hold (Events by
/// default, see <see cref="WatchCacheOptions.StoreOnlyResources"/>) GET and LIST read the store.
/// </summary>
internal sealed class ResourceReader(ResourceWatchCache cache, IResourceStore store)
{
    /// <summary>The object, or 404. Only for resources the watch cache holds; <see cref="GetAsync"/> serves any.</summary>
    public CachedObject Get(ResourceType type, string ns, string name) =>
        cache.For(type.StorageKey).Get(Scope(type, ns), name) ?? throw ApiException.NotFound(type, name);

    /// <summary>The newest revision the cache holds.</summary>
    public long CurrentRevision => cache.Revision;

    /// <summary>The object or null. Only for resources the watch cache holds; <see cref="FindAsync"/> serves any.</summary>
    public CachedObject? Find(ResourceType type, string ns, string name) => cache.For(type.StorageKey).Get(Scope(type, ns), name);

    /// <summary>The object, or 404: from the watch cache, or from the store for a resource the cache does not hold.</summary>
    public async ValueTask<CachedObject> GetAsync(ResourceType type, string ns, string name, CancellationToken cancellationToken) =>
        await FindAsync(type, ns, name, cancellationToken).ConfigureAwait(false) ?? throw ApiException.NotFound(type, name);

    /// <summary>The object or null: from the watch cache, or from the store for a resource the cache does not hold.</summary>
    public async ValueTask<CachedObject?> FindAsync(ResourceType type, string ns, string name, CancellationToken cancellationToken)
    {
        var resource = cache.For(type.StorageKey);
        if (resource.KeepsObjects)
        {
            return resource.Get(Scope(type, ns), name);
        }

        var stored = await store.GetAsync(new ObjectKey(type.StorageKey, Scope(type, ns), name), cancellationToken).ConfigureAwait(false);
        return stored is null ? null : new CachedObject(stored);
    }

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

        var (revision, all) = await CurrentObjectsAsync(type, ns, cancellationToken).ConfigureAwait(false);
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

        var resource = cache.For(type.StorageKey);
        var scope = ns is null ? null : Scope(type, ns);
        try
        {
            if (after is null && !resource.KeepsObjects)
            {
                // Initial objects from the store at its revision R; once the cache has applied R, its history
                // continues exactly after them.
                var (revision, objects) = await StoredObjectsAsync(type, scope, cancellationToken).ConfigureAwait(false);
                await WaitForAsync(revision, cancellationToken).ConfigureAwait(false);
                return resource.Watch(scope, revision, [.. objects.OrderBy(o => o.Revision)]);
            }

            return resource.Watch(scope, after);
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

    /// <summary>The current objects sorted by namespace and name, and the revision they are current at.</summary>
    private async ValueTask<(long Revision, IReadOnlyList<CachedObject> Objects)> CurrentObjectsAsync(
        ResourceType type, string? ns, CancellationToken cancellationToken)
    {
        var resource = cache.For(type.StorageKey);
        var scope = ns is null ? null : Scope(type, ns);
        if (resource.KeepsObjects)
        {
            var revision = cache.Revision;
            return (revision, resource.List(scope));
        }

        return await StoredObjectsAsync(type, scope, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The store's current objects of a resource the cache does not hold, by namespace and name, and their revision.</summary>
    private async ValueTask<(long Revision, IReadOnlyList<CachedObject> Objects)> StoredObjectsAsync(
        ResourceType type, string? scope, CancellationToken cancellationToken)
    {
        var snapshot = await store.ListAsync(type.StorageKey, scope, cancellationToken).ConfigureAwait(false);
        return (snapshot.Revision, [.. snapshot.Objects.Select(o => new CachedObject(o))]);
    }

    private static int FirstAfter(IReadOnlyList<CachedObject> sorted, string ns, string name)
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
