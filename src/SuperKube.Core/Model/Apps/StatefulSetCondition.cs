using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Apps;

[Description("One condition of a StatefulSet.")]
public sealed class StatefulSetCondition
{
    [Description("Kind of condition.")]
    public string? Type { get; set; }

    [Description("True, False or Unknown.")]
    public string? Status { get; set; }

    [Description("When the status last changed.")]
    [JsonConverter(typeof(TimeJsonConverter))]
    public DateTimeOffset? LastTransitionTime { get; set; }

    [Description("CamelCase reason of the last transition.")]
    public string? Reason { get; set; }

    [Description("Human-readable detail of the last transition.")]
    public string? Message { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
