using System.Text.Json.Nodes;
using SuperKube.Objects;
using SuperKube.Storage;
using SuperKube.WatchCache;

namespace SuperKube.Services;

/// <summary>
/// One kind of allocated value (cluster IPs, node ports), held as one record per value in the store, in the spirit of
/// the IPAddress objects of KEP-1880. Creating a record is the reservation: the store's unique key means two writers,
/// in this process or in another server sharing the database, can never both hold a value, and records outlive restarts.
/// </summary>
internal sealed class AllocationPool(string storageKey, IResourceStore store, ResourceWatchCache cache, TimeProvider time)
{
    public string StorageKey => storageKey;

    /// <summary>The values held, as the cache sees them (it may lag a concurrent reservation by moments).</summary>
    public HashSet<string> Taken() => [.. cache.For(storageKey).List(null).Select(r => r.Key.Name)];

    /// <summary>Every record with its owner and age.</summary>
    public IEnumerable<(CachedObject Record, AllocationOwner Owner, DateTimeOffset Created)> Records() =>
        cache.For(storageKey).List(null).Select(r =>
        {
            var json = r.Parse();
            return (r, OwnerOf(json), DateTimeOffset.TryParse(JsonRead(json, "metadata", "creationTimestamp"), out var at) ? at : DateTimeOffset.MinValue);
        });

    /// <summary>The owner the cache knows for <paramref name="value"/>, or null when it looks free.</summary>
    public AllocationOwner? CachedOwner(string value) => cache.For(storageKey).Get("", value) is { } r ? OwnerOf(r.Parse()) : null;

    /// <summary>Reserves <paramref name="value"/> for <paramref name="owner"/>; true as well when the owner already holds it.</summary>
    public async Task<bool> TryReserveAsync(string value, AllocationOwner owner, CancellationToken cancellationToken)
    {
        var record = new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = value, ["creationTimestamp"] = ObjectMetadata.Timestamp(time.GetUtcNow()) },
            ["owner"] = new JsonObject { ["namespace"] = owner.Namespace, ["name"] = owner.Name, ["uid"] = owner.Uid },
        };
        try
        {
            await store.CreateAsync(new ObjectKey(storageKey, "", value), JsonBytes.From(record), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ResourceAlreadyExistsException)
        {
            var existing = await store.GetAsync(new ObjectKey(storageKey, "", value), cancellationToken).ConfigureAwait(false);
            return existing is not null && OwnerOf(JsonNode.Parse(existing.Json.Span)?.AsObject() ?? []).Uid == owner.Uid;
        }
    }

    /// <summary>Releases a record unless it changed since it was read; a record already gone is fine.</summary>
    public async Task ReleaseAsync(CachedObject record, CancellationToken cancellationToken)
    {
        try
        {
            await store.DeleteAsync(record.Key, record.Revision, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ResourceNotFoundException or ResourceConflictException)
        {
            // Another server released it, or it was taken again.
        }
    }

    /// <summary>Releases <paramref name="value"/> when <paramref name="owner"/> holds it.</summary>
    public async Task ReleaseAsync(string value, AllocationOwner owner, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(new ObjectKey(storageKey, "", value), cancellationToken).ConfigureAwait(false);
        if (stored is not null && OwnerOf(JsonNode.Parse(stored.Json.Span)?.AsObject() ?? []).Uid == owner.Uid)
        {
            await ReleaseAsync(new CachedObject(stored), cancellationToken).ConfigureAwait(false);
        }
    }

    private static AllocationOwner OwnerOf(JsonObject record) =>
        new(JsonRead(record, "owner", "namespace") ?? "", JsonRead(record, "owner", "name") ?? "", JsonRead(record, "owner", "uid") ?? "");

    private static string? JsonRead(JsonObject obj, string a, string b) => Validation.JsonRead.String(obj, a, b);
}
