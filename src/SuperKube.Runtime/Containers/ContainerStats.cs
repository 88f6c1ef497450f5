namespace SuperKube.Runtime.Containers;

/// <summary>A container's resource usage at <see cref="Timestamp"/>.</summary>
public sealed record ContainerStats(DateTimeOffset Timestamp, long CpuUsageNanoCores, long MemoryWorkingSetBytes);
