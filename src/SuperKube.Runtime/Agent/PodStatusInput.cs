namespace SuperKube.Runtime.Agent;

/// <summary>Everything <see cref="PodStatusBuilder"/> needs besides the pod's current status.</summary>
internal sealed record PodStatusInput
{
    public required IReadOnlyList<ContainerView> Containers { get; init; }

    public string RestartPolicy { get; init; } = "Always";

    /// <summary>The pod is being deleted: nothing restarts any more.</summary>
    public bool Terminating { get; init; }

    /// <summary>The sandbox exists (network ready): PodReadyToStartContainers.</summary>
    public bool SandboxReady { get; init; }

    public string HostIp { get; init; } = "";

    public string PodIp { get; init; } = "";

    public DateTimeOffset? StartTime { get; init; }

    /// <summary>The runtime's name, used in container ids (<c>fake://abc</c>).</summary>
    public string RuntimeName { get; init; } = "fake";

    /// <summary>Condition types from <c>spec.readinessGates</c>.</summary>
    public IReadOnlyList<string> ReadinessGates { get; init; } = [];

    public required DateTimeOffset Now { get; init; }
}
