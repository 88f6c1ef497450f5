using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Core;

[Description("One file filled with pod information.")]
public sealed class DownwardAPIVolumeFile
{
    [Description("Relative path of the file.")]
    public string? Path { get; set; }

    [Description("Pod field written to the file.")]
    public ObjectFieldSelector? FieldRef { get; set; }

    [Description("Container resource written to the file.")]
    public ResourceFieldSelector? ResourceFieldRef { get; set; }

    [Description("File mode bits of this file.")]
    public int? Mode { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
