namespace SuperKube.Scheduling;

/// <summary>One scheduling profile: which registered plugins it leaves out and the weights of its score plugins.</summary>
public sealed class SchedulerProfileOptions
{
    /// <summary>Names of registered plugins this profile does not use. Default none.</summary>
    public ISet<string> DisabledPlugins { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// Score weights (1 to 100) by plugin name, over the defaults: TaintToleration 3, NodeAffinity 2,
    /// PodTopologySpread 2, InterPodAffinity 2, every other plugin 1.
    /// </summary>
    public IDictionary<string, int> Weights { get; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>Leaves a plugin out of this profile.</summary>
    public SchedulerProfileOptions Disable(string plugin)
    {
        DisabledPlugins.Add(plugin);
        return this;
    }

    /// <summary>Sets the score weight of a plugin in this profile.</summary>
    public SchedulerProfileOptions Weight(string plugin, int weight)
    {
        Weights[plugin] = weight;
        return this;
    }
}
