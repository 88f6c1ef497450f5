namespace SuperKube.Scheduling.Plugins;

/// <summary>The scoring strategies of <see cref="NodeResourcesFitArgs"/>.</summary>
public static class NodeResourcesFitStrategies
{
    public const string LeastAllocated = "LeastAllocated";
    public const string MostAllocated = "MostAllocated";
    public const string RequestedToCapacityRatio = "RequestedToCapacityRatio";
}
