using SuperKube.Scheduling.Plugins;
using SuperKube.Scheduling.Queue;

namespace SuperKube.Scheduling.Framework;

/// <summary>Builds one <see cref="SchedulingFramework"/> per configured profile from the registered plugins.</summary>
internal sealed class SchedulerProfiles(IServiceProvider services, IEnumerable<ISchedulerPluginRegistration> registrations, PodNominator nominator)
{
    private static readonly Dictionary<string, int> DefaultWeights = new(StringComparer.Ordinal)
    {
        [PluginNames.TaintToleration] = 3,
        [PluginNames.NodeAffinity] = 2,
        [PluginNames.PodTopologySpread] = 2,
        [PluginNames.InterPodAffinity] = 2,
    };

    /// <summary>Every registered plugin, in registration order.</summary>
    public IReadOnlyList<ISchedulerPlugin> Plugins() =>
        [.. registrations.Select(r => (ISchedulerPlugin)services.GetRequiredService(r.PluginType))];

    public Dictionary<string, SchedulingFramework> Build(SchedulerOptions options)
    {
        var plugins = Plugins();
        var result = new Dictionary<string, SchedulingFramework>(StringComparer.Ordinal);
        foreach (var (name, profile) in options.Profiles)
        {
            var weights = new Dictionary<string, int>(DefaultWeights, StringComparer.Ordinal);
            foreach (var (plugin, weight) in profile.Weights)
            {
                weights[plugin] = weight;
            }

            var enabled = plugins.Where(p => !profile.DisabledPlugins.Contains(p.Name)).ToList();
            result[name] = new SchedulingFramework(name, enabled, weights, nominator, options.Parallelism);
        }

        return result;
    }
}
