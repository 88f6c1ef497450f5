using Microsoft.Extensions.Options;
using SuperKube.Scheduling.Framework;

namespace SuperKube.Scheduling;

/// <summary>
/// Rejects unusable <see cref="SchedulerOptions"/> at host start: ranges, unknown plugin names in profiles,
/// weights outside 1-100, and profiles without exactly one QueueSort (the same in all) or without a Bind plugin.
/// </summary>
internal sealed class SchedulerOptionsValidator(SchedulerProfiles profiles) : IValidateOptions<SchedulerOptions>
{
    public ValidateOptionsResult Validate(string? name, SchedulerOptions options)
    {
        var failures = new List<string>();
        if (options.Profiles.Count == 0)
        {
            failures.Add("SchedulerOptions.Profiles must name at least one profile.");
        }

        if (options.PercentageOfNodesToScore is < 0 or > 100)
        {
            failures.Add("SchedulerOptions.PercentageOfNodesToScore must be between 0 and 100.");
        }

        if (options.Parallelism < 1)
        {
            failures.Add("SchedulerOptions.Parallelism must be at least 1.");
        }

        if (options.PodInitialBackoff <= TimeSpan.Zero || options.PodMaxBackoff < options.PodInitialBackoff)
        {
            failures.Add("SchedulerOptions.PodInitialBackoff must be positive and not above PodMaxBackoff.");
        }

        if (options.PodMaxInUnschedulablePodsDuration <= TimeSpan.Zero)
        {
            failures.Add("SchedulerOptions.PodMaxInUnschedulablePodsDuration must be positive.");
        }

        var plugins = profiles.Plugins();
        var known = plugins.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var queueSorts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (profile, settings) in options.Profiles)
        {
            if (string.IsNullOrWhiteSpace(profile))
            {
                failures.Add("SchedulerOptions.Profiles: a profile name must not be empty.");
            }

            foreach (var unknown in settings.DisabledPlugins.Concat(settings.Weights.Keys).Where(p => !known.Contains(p)).Distinct())
            {
                failures.Add($"Scheduler profile \"{profile}\" names plugin \"{unknown}\", which is not registered.");
            }

            foreach (var (plugin, weight) in settings.Weights.Where(w => w.Value is < 1 or > 100))
            {
                failures.Add($"Scheduler profile \"{profile}\": the weight of {plugin} must be between 1 and 100 (got {weight}).");
            }

            var enabled = plugins.Where(p => !settings.DisabledPlugins.Contains(p.Name)).ToList();
            var sorts = enabled.OfType<IQueueSortPlugin>().Select(p => p.Name).ToList();
            if (sorts.Count != 1)
            {
                failures.Add($"Scheduler profile \"{profile}\" must enable exactly one QueueSort plugin (has {sorts.Count}).");
            }

            queueSorts.UnionWith(sorts);
            if (!enabled.OfType<IBindPlugin>().Any())
            {
                failures.Add($"Scheduler profile \"{profile}\" must enable a Bind plugin.");
            }
        }

        if (queueSorts.Count > 1)
        {
            failures.Add($"All scheduler profiles must use the same QueueSort plugin (found {string.Join(", ", queueSorts)}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
