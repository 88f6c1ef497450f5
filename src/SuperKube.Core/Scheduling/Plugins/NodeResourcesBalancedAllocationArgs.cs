namespace SuperKube.Scheduling.Plugins;

/// <summary>Options of the NodeResourcesBalancedAllocation plugin (named options keyed by its plugin name).</summary>
public sealed class NodeResourcesBalancedAllocationArgs
{
    /// <summary>The resources whose utilisation is balanced (weights are ignored). Default cpu and memory.</summary>
    public IDictionary<string, int> Resources { get; } = new Dictionary<string, int>(StringComparer.Ordinal) { ["cpu"] = 1, ["memory"] = 1 };
}
