using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Model.Meta;

namespace SuperKube.Model.Core;

[Description("The template from which a controller creates pods.")]
public sealed class PodTemplateSpec
{
    [Description("Metadata given to the created pods.")]
    public ObjectMeta? Metadata { get; set; }

    [Description("Spec given to the created pods.")]
    public PodSpec? Spec { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
