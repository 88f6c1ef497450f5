using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Core;

[Description("An extra condition a pod needs to be ready.")]
public sealed class PodReadinessGate
{
    [Description("Type of the pod condition that must be true.")]
    public string? ConditionType { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
