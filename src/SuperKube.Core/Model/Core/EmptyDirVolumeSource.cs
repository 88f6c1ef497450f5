using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Core;

[Description("A temporary directory that starts empty.")]
public sealed class EmptyDirVolumeSource
{
    [Description("Storage medium: empty for the node's default, or Memory.")]
    public string? Medium { get; set; }

    [Description("Most storage the directory may use.")]
    [JsonConverter(typeof(QuantityJsonConverter))]
    public string? SizeLimit { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
