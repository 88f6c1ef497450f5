namespace SuperKube.Scheduling.Framework;

/// <summary>A Permit decision; with <see cref="SchedulingStatusCode.Wait"/> the pod waits at most <see cref="Timeout"/>.</summary>
public readonly record struct PermitResult(SchedulingStatus Status, TimeSpan Timeout = default)
{
    public static PermitResult Allow { get; } = new(SchedulingStatus.Success);
}
