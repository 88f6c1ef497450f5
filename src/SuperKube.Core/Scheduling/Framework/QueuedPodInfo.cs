namespace SuperKube.Scheduling.Framework;

/// <summary>A pod waiting in the scheduling queue.</summary>
public sealed class QueuedPodInfo(PodInfo pod, DateTimeOffset timestamp)
{
    public PodInfo Pod { get; internal set; } = pod;

    /// <summary>When the pod was last added to the queue.</summary>
    public DateTimeOffset Timestamp { get; internal set; } = timestamp;

    /// <summary>When the pod was first added to the queue.</summary>
    public DateTimeOffset InitialAttemptTimestamp { get; internal set; } = timestamp;

    /// <summary>How many scheduling attempts were made so far.</summary>
    public int Attempts { get; internal set; }

    /// <summary>The plugins that rejected the pod in its last attempt.</summary>
    public IReadOnlySet<string> UnschedulablePlugins { get; internal set; } = new HashSet<string>();

    /// <summary>Set when the last attempt ended in an error rather than a rejection.</summary>
    internal bool LastAttemptErrored { get; set; }

    /// <summary>Set while the pod is held back by a PreEnqueue plugin.</summary>
    internal bool Gated { get; set; }

    /// <summary>A copy carrying a newer version of the pod.</summary>
    internal QueuedPodInfo With(PodInfo pod) => new(pod, Timestamp)
    {
        InitialAttemptTimestamp = InitialAttemptTimestamp,
        Attempts = Attempts,
        UnschedulablePlugins = UnschedulablePlugins,
        LastAttemptErrored = LastAttemptErrored,
        Gated = Gated,
    };
}
