namespace SuperKube.Scheduling.Plugins;

/// <summary>
/// Options of the NodeResourcesFit plugin (named options keyed by <see cref="PluginNames.NodeResourcesFit"/>),
/// validated when the host starts.
/// </summary>
public sealed class NodeResourcesFitArgs
{
    /// <summary>LeastAllocated (spread, the default), MostAllocated (bin-pack) or RequestedToCapacityRatio (by <see cref="Shape"/>).</summary>
    public string ScoringStrategy { get; set; } = NodeResourcesFitStrategies.LeastAllocated;

    /// <summary>The resources scored and their weights (1 to 100). Default cpu 1, memory 1.</summary>
    public IDictionary<string, int> Resources { get; } = new Dictionary<string, int>(StringComparer.Ordinal) { ["cpu"] = 1, ["memory"] = 1 };

    /// <summary>
    /// For RequestedToCapacityRatio: points mapping utilisation (0 to 100, increasing) to a score (0 to 10),
    /// joined by straight lines. Default: empty, which means 0% → 10 and 100% → 0 (spread).
    /// </summary>
    public IList<UtilizationShapePoint> Shape { get; } = [];

    /// <summary>Extended resources the filter ignores, by exact name. Default none.</summary>
    public ISet<string> IgnoredResources { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Extended resource groups (the prefix before '/') the filter ignores. Default none.</summary>
    public ISet<string> IgnoredResourceGroups { get; } = new HashSet<string>(StringComparer.Ordinal);
}
