using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Schema;

namespace SuperKube.Model.Core;

[Description("Selects one field of the pod.")]
[MapType("atomic")]
public sealed class ObjectFieldSelector
{
    [Description("API version the field path is written in; defaults to v1.")]
    public string? ApiVersion { get; set; }

    [Description("Path of the field to read.")]
    public string? FieldPath { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
