namespace SuperKube.Scheduling.Plugins;

/// <summary>Options of the InterPodAffinity plugin (named options keyed by its plugin name).</summary>
public sealed class InterPodAffinityArgs
{
    /// <summary>
    /// The score weight given to an existing pod's required affinity term that the incoming pod satisfies
    /// (0 to 100). Default 1.
    /// </summary>
    public int HardPodAffinityWeight { get; set; } = 1;
}
