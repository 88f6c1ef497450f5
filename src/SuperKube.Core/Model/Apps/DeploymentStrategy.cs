using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Apps;

[Description("How a deployment replaces pods.")]
public sealed class DeploymentStrategy
{
    [Description("Recreate or RollingUpdate.")]
    public string? Type { get; set; }

    [Description("Parameters of a rolling update.")]
    public RollingUpdateDeployment? RollingUpdate { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
