using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Schema;

namespace SuperKube.Model.Core;

[Description("A reference to another object.")]
[MapType("atomic")]
public sealed class ObjectReference
{
    [Description("Kind of the object.")]
    public string? Kind { get; set; }

    [Description("Namespace of the object.")]
    public string? Namespace { get; set; }

    [Description("Name of the object.")]
    public string? Name { get; set; }

    [Description("UID of the object.")]
    public string? Uid { get; set; }

    [Description("API version of the object.")]
    public string? ApiVersion { get; set; }

    [Description("Version of the object that was referred to.")]
    public string? ResourceVersion { get; set; }

    [Description("Part of the object referred to, such as spec.containers{name}.")]
    public string? FieldPath { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
