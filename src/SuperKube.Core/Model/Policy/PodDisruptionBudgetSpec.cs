using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Model.Meta;
using SuperKube.Schema;

namespace SuperKube.Model.Policy;

[Description("The desired budget.")]
public sealed class PodDisruptionBudgetSpec
{
    [Description("Pods (number or percentage) that must stay available.")]
    public IntOrString? MinAvailable { get; set; }

    [Description("Labels of the pods the budget covers.")]
    [PatchStrategy("replace")]
    public LabelSelector? Selector { get; set; }

    [Description("Pods (number or percentage) that may be unavailable.")]
    public IntOrString? MaxUnavailable { get; set; }

    [Description("When unhealthy pods may be evicted: IfHealthyBudget or AlwaysAllow.")]
    public string? UnhealthyPodEvictionPolicy { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
