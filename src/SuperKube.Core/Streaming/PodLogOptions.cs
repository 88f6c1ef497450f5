namespace SuperKube.Streaming;

/// <summary>The query of <c>pods/log</c> (sinceSeconds is already turned into <see cref="Since"/>).</summary>
public sealed record PodLogOptions
{
    /// <summary>Keep streaming until the container exits. Default false.</summary>
    public bool Follow { get; init; }

    /// <summary>Only the last N lines; null (the default) for all.</summary>
    public int? TailLines { get; init; }

    /// <summary>Only lines written at or after this time; null (the default) for all.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Prefix lines with their RFC 3339 time. Default false.</summary>
    public bool Timestamps { get; init; }

    /// <summary>The previous (terminated) instance of the container. Default false.</summary>
    public bool Previous { get; init; }

    /// <summary>Stop after this many bytes; null (the default) for no limit.</summary>
    public long? LimitBytes { get; init; }
}
