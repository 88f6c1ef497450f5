using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Core;

[Description("A pod affinity term with a weight.")]
public sealed class WeightedPodAffinityTerm
{
    [Description("Weight from 1 to 100.")]
    public int? Weight { get; set; }

    [Description("The term.")]
    public PodAffinityTerm? PodAffinityTerm { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
