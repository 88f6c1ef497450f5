using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Schema;

namespace SuperKube.Model.Core;

[Description("Pod information in a projected volume.")]
public sealed class DownwardAPIProjection
{
    [Description("Files to create.")]
    [ListType("atomic")]
    public IList<DownwardAPIVolumeFile>? Items { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
