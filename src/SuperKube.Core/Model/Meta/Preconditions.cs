using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Meta;

[Description("Conditions a delete request requires of the object.")]
public sealed class Preconditions
{
    [Description("The object's UID must equal this value.")]
    public string? Uid { get; set; }

    [Description("The object's resourceVersion must equal this value.")]
    public string? ResourceVersion { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
