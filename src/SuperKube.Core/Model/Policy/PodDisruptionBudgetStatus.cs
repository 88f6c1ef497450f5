using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Model.Meta;
using SuperKube.Schema;

namespace SuperKube.Model.Policy;

[Description("The observed state of a budget.")]
public sealed class PodDisruptionBudgetStatus
{
    [Description("Generation of the spec the status reflects.")]
    public long? ObservedGeneration { get; set; }

    [Description("Pods whose eviction was accepted but that are not gone yet, with the time of the eviction.")]
    public IDictionary<string, DateTimeOffset>? DisruptedPods { get; set; }

    [Description("Disruptions allowed now.")]
    public int? DisruptionsAllowed { get; set; }

    [Description("Number of healthy pods.")]
    public int? CurrentHealthy { get; set; }

    [Description("Least number of healthy pods wanted.")]
    public int? DesiredHealthy { get; set; }

    [Description("Number of pods the budget covers.")]
    public int? ExpectedPods { get; set; }

    [Description("Current conditions of the budget.")]
    [PatchMergeKey("type")]
    [PatchStrategy("merge")]
    [ListType("map")]
    [ListMapKeys("type")]
    public IList<Condition>? Conditions { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
