using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Core;

[Description("A ConfigMap used as a source of environment variables.")]
public sealed class ConfigMapEnvSource
{
    [Description("Name of the ConfigMap.")]
    public string? Name { get; set; }

    [Description("Whether the ConfigMap may be missing.")]
    public bool? Optional { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
