using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Core;

[Description("A Secret used as a source of environment variables.")]
public sealed class SecretEnvSource
{
    [Description("Name of the Secret.")]
    public string? Name { get; set; }

    [Description("Whether the Secret may be missing.")]
    public bool? Optional { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
