namespace SuperKube.Resources;

/// <summary>Options of a LIST or WATCH (query parameters).</summary>
public sealed record ListOptions
{
    public string LabelSelector { get; init; } = "";

    public string FieldSelector { get; init; } = "";

    /// <summary>Page size; 0 for no limit.</summary>
    public int Limit { get; init; }

    public string Continue { get; init; } = "";

    /// <summary>The resourceVersion parameter as sent ("" when absent).</summary>
    public string ResourceVersion { get; init; } = "";

    public bool AllowWatchBookmarks { get; init; }

    public bool SendInitialEvents { get; init; }

    /// <summary>Watch timeout; null for the server default.</summary>
    public TimeSpan? Timeout { get; init; }
}
