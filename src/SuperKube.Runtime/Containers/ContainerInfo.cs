using SuperKube.Objects;

namespace SuperKube.Runtime.Containers;

/// <summary>A runtime container as inspected: identity, image, labels and state.</summary>
public sealed record ContainerInfo
{
    public required string Id { get; init; }

    public required string SandboxId { get; init; }

    /// <summary>The container's name in the pod.</summary>
    public required string Name { get; init; }

    public required string Image { get; init; }

    /// <summary>The resolved image id (<c>sha256:...</c>).</summary>
    public string ImageId { get; init; } = "";

    public IReadOnlyDictionary<string, string> Labels { get; init; } = StringMap.Empty;

    public IReadOnlyDictionary<string, string> Annotations { get; init; } = StringMap.Empty;

    public ContainerState State { get; init; }

    /// <summary>Exit code once exited.</summary>
    public int? ExitCode { get; init; }

    /// <summary>Why it exited: <c>Completed</c>, <c>Error</c> or <c>OOMKilled</c>.</summary>
    public string? Reason { get; init; }

    /// <summary>Termination message, if any.</summary>
    public string? Message { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }
}
