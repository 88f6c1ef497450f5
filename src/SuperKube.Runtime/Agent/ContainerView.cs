using SuperKube.Runtime.Containers;

namespace SuperKube.Runtime.Agent;

/// <summary>What the agent knows about one container of a pod when it computes the pod's status.</summary>
internal sealed record ContainerView
{
    public required string Name { get; init; }

    public required string Image { get; init; }

    public bool Init { get; init; }

    /// <summary>Why the container is not running (ContainerCreating, CrashLoopBackOff, ErrImagePull...), or null.</summary>
    public string? WaitingReason { get; init; }

    public string? WaitingMessage { get; init; }

    /// <summary>The current runtime instance, if one was created.</summary>
    public ContainerInfo? Current { get; init; }

    /// <summary>The previous instance's termination, after a restart.</summary>
    public ContainerInfo? LastTerminated { get; init; }

    public bool Ready { get; init; }

    public bool Started { get; init; }

    public int RestartCount { get; init; }

    public bool IsRunning => WaitingReason is null && Current?.State == ContainerState.Running;

    public bool IsTerminated => WaitingReason is null && Current?.State == ContainerState.Exited;

    public bool Succeeded => IsTerminated && Current?.ExitCode == 0;

    public bool IsWaiting => !IsRunning && !IsTerminated;
}
