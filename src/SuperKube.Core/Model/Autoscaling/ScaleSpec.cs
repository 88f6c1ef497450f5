using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Autoscaling;

[Description("The desired scale.")]
public sealed class ScaleSpec
{
    [Description("Number of replicas wanted.")]
    public int? Replicas { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
