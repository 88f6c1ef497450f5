using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Core;

[Description("Scheduling rules based on labels.")]
public sealed class Affinity
{
    [Description("Rules about the nodes the pod runs on.")]
    public NodeAffinity? NodeAffinity { get; set; }

    [Description("Rules that place the pod near other pods.")]
    public PodAffinity? PodAffinity { get; set; }

    [Description("Rules that keep the pod away from other pods.")]
    public PodAntiAffinity? PodAntiAffinity { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
