namespace SuperKube.Scheduling.Framework;

/// <summary>What a PostFilter plugin (preemption) decided: the node the pod is nominated to, if any.</summary>
public sealed record PostFilterResult(SchedulingStatus Status, string? NominatedNodeName = null);
