using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Meta;

[Description("The set of fields one field manager owns, as recorded by server-side apply.")]
public sealed class ManagedFieldsEntry
{
    [Description("Name of the actor that manages these fields.")]
    public string? Manager { get; set; }

    [Description("Kind of request that last wrote the fields: Apply or Update.")]
    public string? Operation { get; set; }

    [Description("API version in which the field set is expressed.")]
    public string? ApiVersion { get; set; }

    [Description("When the entry last changed.")]
    [JsonConverter(typeof(TimeJsonConverter))]
    public DateTimeOffset? Time { get; set; }

    [Description("Encoding of the field set; always FieldsV1.")]
    public string? FieldsType { get; set; }

    [Description("The owned fields, as a tree of f:, k:, v: and i: path elements.")]
    public JsonNode? FieldsV1 { get; set; }

    [Description("Subresource the writes went through, such as status; empty for the main resource.")]
    public string? Subresource { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
