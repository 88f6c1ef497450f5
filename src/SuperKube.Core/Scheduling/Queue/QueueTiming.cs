namespace SuperKube.Scheduling.Queue;

/// <summary>The backoff and the unschedulable-pool limit of the queue.</summary>
internal sealed record QueueTiming(TimeSpan InitialBackoff, TimeSpan MaxBackoff, TimeSpan MaxInUnschedulable);
