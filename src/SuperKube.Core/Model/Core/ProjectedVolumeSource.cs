using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Schema;

namespace SuperKube.Model.Core;

[Description("Several volume sources combined into one directory.")]
public sealed class ProjectedVolumeSource
{
    [Description("The sources to combine.")]
    [ListType("atomic")]
    public IList<VolumeProjection>? Sources { get; set; }

    [Description("File mode bits of the created files.")]
    public int? DefaultMode { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
