namespace SuperKube.Storage;

/// <summary>
/// An object as stored: its key, the revision of its last write and its UTF-8 JSON, whose
/// <c>metadata.resourceVersion</c> equals <see cref="Revision"/>.
/// </summary>
public sealed record StoredObject(ObjectKey Key, long Revision, ReadOnlyMemory<byte> Json);
