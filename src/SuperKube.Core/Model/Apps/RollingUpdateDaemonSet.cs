using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Apps;

[Description("Limits of a DaemonSet rolling update.")]
public sealed class RollingUpdateDaemonSet
{
    [Description("Most nodes (number or percentage) whose pod may be unavailable during the update.")]
    public IntOrString? MaxUnavailable { get; set; }

    [Description("Most nodes (number or percentage) that may run an extra new pod during the update.")]
    public IntOrString? MaxSurge { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
