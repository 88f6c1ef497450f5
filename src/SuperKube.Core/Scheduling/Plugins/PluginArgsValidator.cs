using Microsoft.Extensions.Options;

namespace SuperKube.Scheduling.Plugins;

/// <summary>Validates the options of the built-in plugins at host start, naming the plugin and field.</summary>
internal sealed class PluginArgsValidator :
    IValidateOptions<NodeResourcesFitArgs>,
    IValidateOptions<NodeResourcesBalancedAllocationArgs>,
    IValidateOptions<InterPodAffinityArgs>,
    IValidateOptions<DefaultPreemptionArgs>
{
    private static readonly string[] Strategies =
        [NodeResourcesFitStrategies.LeastAllocated, NodeResourcesFitStrategies.MostAllocated, NodeResourcesFitStrategies.RequestedToCapacityRatio];

    public ValidateOptionsResult Validate(string? name, NodeResourcesFitArgs options)
    {
        var failures = new List<string>();
        if (!Strategies.Contains(options.ScoringStrategy))
        {
            failures.Add($"{name}: ScoringStrategy must be one of {string.Join(", ", Strategies)} (got \"{options.ScoringStrategy}\").");
        }

        Resources(name, options.Resources, failures);
        for (var i = 0; i < options.Shape.Count; i++)
        {
            var point = options.Shape[i];
            if (point.Utilization is < 0 or > 100 || point.Score is < 0 or > 10)
            {
                failures.Add($"{name}: Shape[{i}] needs a utilization of 0-100 and a score of 0-10.");
            }

            if (i > 0 && point.Utilization <= options.Shape[i - 1].Utilization)
            {
                failures.Add($"{name}: Shape utilizations must increase (Shape[{i}]).");
            }
        }

        return Result(failures);
    }

    public ValidateOptionsResult Validate(string? name, NodeResourcesBalancedAllocationArgs options)
    {
        var failures = new List<string>();
        Resources(name, options.Resources, failures);
        return Result(failures);
    }

    public ValidateOptionsResult Validate(string? name, InterPodAffinityArgs options) =>
        options.HardPodAffinityWeight is < 0 or > 100
            ? ValidateOptionsResult.Fail($"{name}: HardPodAffinityWeight must be between 0 and 100 (got {options.HardPodAffinityWeight}).")
            : ValidateOptionsResult.Success;

    public ValidateOptionsResult Validate(string? name, DefaultPreemptionArgs options)
    {
        var failures = new List<string>();
        if (options.MinCandidateNodesPercentage is < 0 or > 100)
        {
            failures.Add($"{name}: MinCandidateNodesPercentage must be between 0 and 100.");
        }

        if (options.MinCandidateNodesAbsolute < 0)
        {
            failures.Add($"{name}: MinCandidateNodesAbsolute must not be negative.");
        }

        if (options is { MinCandidateNodesPercentage: 0, MinCandidateNodesAbsolute: 0 })
        {
            failures.Add($"{name}: MinCandidateNodesPercentage and MinCandidateNodesAbsolute must not both be 0.");
        }

        return Result(failures);
    }

    private static void Resources(string? name, IDictionary<string, int> resources, List<string> failures)
    {
        if (resources.Count == 0)
        {
            failures.Add($"{name}: Resources must name at least one resource.");
        }

        foreach (var (resource, weight) in resources.Where(r => r.Value is < 1 or > 100))
        {
            failures.Add($"{name}: the weight of resource {resource} must be between 1 and 100 (got {weight}).");
        }
    }

    private static ValidateOptionsResult Result(List<string> failures) =>
        failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
}
