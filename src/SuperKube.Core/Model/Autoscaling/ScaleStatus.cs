using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Autoscaling;

[Description("The observed scale.")]
public sealed class ScaleStatus
{
    [Description("Number of replicas seen.")]
    public int? Replicas { get; set; }

    [Description("Label selector of the pods, in string form.")]
    public string? Selector { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
