using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Core;

[Description("Maps a key to a file path within a volume.")]
public sealed class KeyToPath
{
    [Description("Key to expose.")]
    public string? Key { get; set; }

    [Description("Relative path of the file.")]
    public string? Path { get; set; }

    [Description("File mode bits of this file.")]
    public int? Mode { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
