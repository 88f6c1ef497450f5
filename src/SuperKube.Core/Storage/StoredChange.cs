namespace SuperKube.Storage;

/// <summary>
/// One entry of the revision-ordered change log. For deletions <see cref="Object"/> carries the last state of the
/// object with its resourceVersion set to the deletion's revision, as Kubernetes watch DELETED events do.
/// </summary>
public sealed record StoredChange(long Revision, ChangeType Type, StoredObject Object);
