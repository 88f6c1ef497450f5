namespace SuperKube.Resources;

/// <summary>meta/v1 DeleteOptions, from the DELETE body or query.</summary>
public sealed record DeleteOptions
{
    /// <summary>Background (default), Foreground or Orphan.</summary>
    public string? PropagationPolicy { get; init; }

    public long? GracePeriodSeconds { get; init; }

    public string? PreconditionUid { get; init; }

    public string? PreconditionResourceVersion { get; init; }
}
