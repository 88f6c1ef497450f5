using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Apps;

[Description("Numbering of StatefulSet pods.")]
public sealed class StatefulSetOrdinals
{
    [Description("Number of the first pod.")]
    public int? Start { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
