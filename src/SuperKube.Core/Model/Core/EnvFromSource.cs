using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Core;

[Description("A set of environment variables taken from a ConfigMap or Secret.")]
public sealed class EnvFromSource
{
    [Description("Text put in front of every key to form the variable names.")]
    public string? Prefix { get; set; }

    [Description("ConfigMap whose keys become variables.")]
    public ConfigMapEnvSource? ConfigMapRef { get; set; }

    [Description("Secret whose keys become variables.")]
    public SecretEnvSource? SecretRef { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
