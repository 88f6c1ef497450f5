using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Apps;

[Description("How a DaemonSet replaces pods.")]
public sealed class DaemonSetUpdateStrategy
{
    [Description("RollingUpdate or OnDelete.")]
    public string? Type { get; set; }

    [Description("Parameters of a rolling update.")]
    public RollingUpdateDaemonSet? RollingUpdate { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
