using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Model.Meta;

namespace SuperKube.Model.Core;

[Description("Sensitive data such as passwords, tokens or keys.")]
public sealed class Secret : IKubernetesObject
{
    [Description("Versioned schema of this representation, such as v1 or apps/v1; the server uses it to interpret the fields.")]
    public string? ApiVersion { get; set; }

    [Description("Type of the object in CamelCase, such as Pod or Deployment.")]
    public string? Kind { get; set; }

    [Description("Standard object metadata: name, namespace, labels, annotations and server bookkeeping.")]
    public ObjectMeta? Metadata { get; set; }

    [Description("When true the data can no longer be changed.")]
    public bool? Immutable { get; set; }

    [Description("Base64-encoded values by key.")]
    public IDictionary<string, string>? Data { get; set; }

    [Description("Plain-text values merged into data on write; never returned.")]
    public IDictionary<string, string>? StringData { get; set; }

    [Description("Kind of secret, which decides the keys it must hold.")]
    public string? Type { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
