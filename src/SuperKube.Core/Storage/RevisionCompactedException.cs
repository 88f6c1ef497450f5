namespace SuperKube.Storage;

/// <summary>A watch asked for changes after a revision the change log no longer holds (HTTP 410, reason Expired).</summary>
public sealed class RevisionCompactedException : Exception
{
    public RevisionCompactedException(long requested, long compacted)
        : base($"too old resource version: {requested} ({compacted})")
    {
        Requested = requested;
        Compacted = compacted;
    }

    public RevisionCompactedException() { }

    public RevisionCompactedException(string message) : base(message) { }

    public RevisionCompactedException(string message, Exception inner) : base(message, inner) { }

    public long Requested { get; }

    public long Compacted { get; }
}
