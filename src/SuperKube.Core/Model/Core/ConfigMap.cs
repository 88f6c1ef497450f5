using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Model.Meta;

namespace SuperKube.Model.Core;

[Description("Non-secret configuration data as key/value pairs.")]
public sealed class ConfigMap : IKubernetesObject
{
    [Description("Versioned schema of this representation, such as v1 or apps/v1; the server uses it to interpret the fields.")]
    public string? ApiVersion { get; set; }

    [Description("Type of the object in CamelCase, such as Pod or Deployment.")]
    public string? Kind { get; set; }

    [Description("Standard object metadata: name, namespace, labels, annotations and server bookkeeping.")]
    public ObjectMeta? Metadata { get; set; }

    [Description("When true the data can no longer be changed.")]
    public bool? Immutable { get; set; }

    [Description("UTF-8 values by key.")]
    public IDictionary<string, string>? Data { get; set; }

    [Description("Base64-encoded binary values by key.")]
    public IDictionary<string, string>? BinaryData { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
