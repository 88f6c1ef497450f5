namespace SuperKube.Scheduling.Framework;

/// <summary>The outcome of a plugin call.</summary>
public enum SchedulingStatusCode
{
    /// <summary>The plugin ran and the pod may go on.</summary>
    Success,

    /// <summary>An internal failure: the attempt is abandoned and the pod retried after a backoff.</summary>
    Error,

    /// <summary>The pod does not fit now; preemption may help.</summary>
    Unschedulable,

    /// <summary>The pod does not fit and removing pods would not change that; preemption skips such nodes.</summary>
    UnschedulableAndUnresolvable,

    /// <summary>Permit only: the pod waits until a plugin allows or rejects it, or the timeout passes.</summary>
    Wait,

    /// <summary>PreFilter, PreScore and Bind: the plugin has nothing to do for this pod and is skipped.</summary>
    Skip,
}
