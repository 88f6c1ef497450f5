using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Schema;

namespace SuperKube.Model.Core;

[Description("A Secret exposed as files.")]
public sealed class SecretVolumeSource
{
    [Description("Name of the Secret.")]
    public string? SecretName { get; set; }

    [Description("Keys to expose and the paths to use; all keys when empty.")]
    [ListType("atomic")]
    public IList<KeyToPath>? Items { get; set; }

    [Description("File mode bits of the created files.")]
    public int? DefaultMode { get; set; }

    [Description("Whether the Secret may be missing.")]
    public bool? Optional { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
