namespace SuperKube.Runtime.Containers;

/// <summary>Which log lines to read (the query of <c>pods/log</c>: follow, tailLines, sinceTime, timestamps, limitBytes).</summary>
public sealed record LogOptions
{
    /// <summary>Keep streaming new lines until the container exits.</summary>
    public bool Follow { get; init; }

    /// <summary>Only the last N lines; null for all.</summary>
    public int? TailLines { get; init; }

    /// <summary>Only lines written at or after this time.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Prefix each line with its RFC 3339 time with nanoseconds and a space.</summary>
    public bool Timestamps { get; init; }

    /// <summary>Stop after this many bytes; null for no limit.</summary>
    public long? LimitBytes { get; init; }
}
