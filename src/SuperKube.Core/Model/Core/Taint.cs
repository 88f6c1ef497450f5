using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Core;

[Description("A mark on a node that repels pods without a matching toleration.")]
public sealed class Taint
{
    [Description("Key of the taint.")]
    public string? Key { get; set; }

    [Description("Value of the taint.")]
    public string? Value { get; set; }

    [Description("NoSchedule, PreferNoSchedule or NoExecute.")]
    public string? Effect { get; set; }

    [Description("When a NoExecute taint was added.")]
    [JsonConverter(typeof(TimeJsonConverter))]
    public DateTimeOffset? TimeAdded { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
