namespace SuperKube.Storage;

/// <summary>All current objects of a store and the revision they are consistent with.</summary>
public sealed record StoreSnapshot(long Revision, IReadOnlyList<StoredObject> Objects);
