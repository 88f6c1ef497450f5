namespace SuperKube.Scheduling.Plugins;

/// <summary>A point of the RequestedToCapacityRatio shape: utilisation in percent (0-100) and score (0-10).</summary>
public sealed record UtilizationShapePoint(int Utilization, int Score);
