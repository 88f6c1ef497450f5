namespace SuperKube.Storage;

/// <summary>
/// A revisioned object store: current objects plus a change log in strictly increasing revision order, written in
/// the same transaction. Every backend (SQLite, PostgreSQL) passes the same conformance suite.
/// </summary>
/// <remarks>
/// Write methods take the object's JSON with any value in metadata.resourceVersion; the store writes the new
/// revision into metadata.resourceVersion of what it stores and returns.
/// </remarks>
public interface IResourceStore
{
    /// <summary>The newest committed revision.</summary>
    long CurrentRevision { get; }

    /// <summary>The oldest revision a watch may start after; older ones were compacted.</summary>
    long CompactedRevision { get; }

    /// <summary>Prepares the store (schema, migrations) and loads its revision counters.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Creates an object. Throws <see cref="ResourceAlreadyExistsException"/> when the key exists.</summary>
    Task<StoredObject> CreateAsync(ObjectKey key, ReadOnlyMemory<byte> json, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces an object. With <paramref name="expectedRevision"/> set, throws <see cref="ResourceConflictException"/>
    /// unless the stored revision equals it. Throws <see cref="ResourceNotFoundException"/> when absent.
    /// </summary>
    Task<StoredObject> UpdateAsync(ObjectKey key, ReadOnlyMemory<byte> json, long? expectedRevision, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes an object and returns its last state stamped with the deletion revision. Same preconditions as update.
    /// </summary>
    Task<StoredObject> DeleteAsync(ObjectKey key, long? expectedRevision, CancellationToken cancellationToken);

    /// <summary>Reads one object from the store itself (not a cache); null when absent.</summary>
    Task<StoredObject?> GetAsync(ObjectKey key, CancellationToken cancellationToken);

    /// <summary>Reads every current object, consistent with one revision.</summary>
    Task<StoreSnapshot> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Reads the current objects of one resource (storage key), of one namespace when <paramref name="ns"/> is not
    /// null, consistent with one revision. Serves the resources the watch cache does not hold (Events by default).
    /// </summary>
    /// <remarks>The default reads every object and filters; backends override it with an indexed query.</remarks>
    async Task<StoreSnapshot> ListAsync(string resource, string? ns, CancellationToken cancellationToken)
    {
        var all = await ListAsync(cancellationToken).ConfigureAwait(false);
        return new StoreSnapshot(all.Revision, [.. all.Objects.Where(o => o.Key.Resource == resource && (ns is null || o.Key.Namespace == ns))]);
    }

    /// <summary>
    /// Streams every change with a revision greater than <paramref name="afterRevision"/>, in order, exactly once, then
    /// follows new commits until cancelled. Throws <see cref="RevisionCompactedException"/> when the start was compacted.
    /// </summary>
    IAsyncEnumerable<StoredChange> WatchAsync(long afterRevision, CancellationToken cancellationToken);

    /// <summary>Removes change-log entries up to and including <paramref name="revision"/>, in bounded batches.</summary>
    Task CompactAsync(long revision, CancellationToken cancellationToken);
}
