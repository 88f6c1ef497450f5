using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Apps;

[Description("Limits of a rolling update.")]
public sealed class RollingUpdateDeployment
{
    [Description("Most pods (number or percentage) that may be unavailable during the update.")]
    public IntOrString? MaxUnavailable { get; set; }

    [Description("Most pods (number or percentage) that may exist above the desired count.")]
    public IntOrString? MaxSurge { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
