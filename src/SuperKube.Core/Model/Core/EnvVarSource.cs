using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Core;

[Description("The source of an environment variable's value.")]
public sealed class EnvVarSource
{
    [Description("A field of the pod, such as metadata.name or status.podIP.")]
    public ObjectFieldSelector? FieldRef { get; set; }

    [Description("A resource limit or request of a container.")]
    public ResourceFieldSelector? ResourceFieldRef { get; set; }

    [Description("A key of a ConfigMap.")]
    public ConfigMapKeySelector? ConfigMapKeyRef { get; set; }

    [Description("A key of a Secret.")]
    public SecretKeySelector? SecretKeyRef { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
