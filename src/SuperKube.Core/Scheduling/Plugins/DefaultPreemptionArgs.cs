namespace SuperKube.Scheduling.Plugins;

/// <summary>Options of the DefaultPreemption plugin (named options keyed by its plugin name).</summary>
public sealed class DefaultPreemptionArgs
{
    /// <summary>The share of nodes (0 to 100) evaluated as preemption candidates, at least. Default 10.</summary>
    public int MinCandidateNodesPercentage { get; set; } = 10;

    /// <summary>The number of nodes evaluated as preemption candidates, at least. Default 100.</summary>
    public int MinCandidateNodesAbsolute { get; set; } = 100;
}
