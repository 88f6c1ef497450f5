namespace SuperKube.Resources;

/// <summary>The outcome of a write: the object as stored (or as it would be, for dry runs).</summary>
/// <param name="Json">The object's JSON.</param>
/// <param name="Created">True when the write created the object (HTTP 201).</param>
/// <param name="Deleted">True when a delete removed the object at once (no finalizers or grace period pending).</param>
internal sealed record WriteResult(ReadOnlyMemory<byte> Json, bool Created = false, bool Deleted = false);
