using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Core;

[Description("A path on the node mounted into the pod.")]
public sealed class HostPathVolumeSource
{
    [Description("Path on the node.")]
    public string? Path { get; set; }

    [Description("What must exist at the path, such as Directory or FileOrCreate.")]
    public string? Type { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
