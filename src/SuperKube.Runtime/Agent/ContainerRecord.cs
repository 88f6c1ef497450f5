using SuperKube.Model.Core;
using SuperKube.Runtime.Containers;
using ContainerState = SuperKube.Runtime.Containers.ContainerState;

namespace SuperKube.Runtime.Agent;

/// <summary>What a pod worker tracks for one container of its pod across runtime instances (restarts).</summary>
internal sealed class ContainerRecord(Container spec, bool init)
{
    public Container Spec { get; set; } = spec;

    public string Name => Spec.Name ?? "";

    public bool Init { get; } = init;

    public ContainerInfo? Current { get; set; }

    /// <summary>The instance before <see cref="Current"/>, kept so its logs can be read (<c>--previous</c>).</summary>
    public string? PreviousId { get; set; }

    public ContainerInfo? LastTerminated { get; set; }

    public int RestartCount { get; set; }

    public string? WaitingReason { get; set; }

    public string? WaitingMessage { get; set; }

    public DateTimeOffset? PullFailedAt { get; set; }

    public bool StartupPassed { get; set; }

    public bool Ready { get; set; }

    public ProbeTracker? Startup { get; private set; }

    public ProbeTracker? Liveness { get; private set; }

    public ProbeTracker? Readiness { get; private set; }

    public bool IsRunning => Current?.State == ContainerState.Running;

    public bool IsExited => Current?.State == ContainerState.Exited;

    /// <summary>Resets probes and readiness for a fresh instance that started at <paramref name="startedAt"/>.</summary>
    public void Started(ContainerInfo current, DateTimeOffset startedAt)
    {
        Current = current;
        WaitingReason = null;
        WaitingMessage = null;
        Startup = Spec.StartupProbe is { } s ? new ProbeTracker(s) : null;
        Liveness = Spec.LivenessProbe is { } l ? new ProbeTracker(l) : null;
        Readiness = Spec.ReadinessProbe is { } r ? new ProbeTracker(r) : null;
        Startup?.Reset(startedAt);
        Liveness?.Reset(startedAt);
        Readiness?.Reset(startedAt);
        StartupPassed = Startup is null;
        Ready = StartupPassed && Readiness is null;
    }

    /// <summary>The next time a probe of a running instance is due, if any.</summary>
    public DateTimeOffset? NextProbe()
    {
        if (!IsRunning)
        {
            return null;
        }

        IEnumerable<ProbeTracker?> active = StartupPassed ? [Liveness, Readiness] : [Startup];
        return active.OfType<ProbeTracker>().Select(p => (DateTimeOffset?)p.NextDue).Min();
    }

    public ContainerView View() => new()
    {
        Name = Name,
        Image = Spec.Image ?? "",
        Init = Init,
        WaitingReason = WaitingReason,
        WaitingMessage = WaitingMessage,
        Current = Current,
        LastTerminated = LastTerminated,
        Ready = Ready,
        Started = StartupPassed,
        RestartCount = RestartCount,
    };
}
