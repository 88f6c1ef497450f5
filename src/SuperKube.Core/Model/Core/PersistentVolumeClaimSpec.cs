using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Model.Meta;
using SuperKube.Schema;

namespace SuperKube.Model.Core;

[Description("The storage a claim asks for.")]
public sealed class PersistentVolumeClaimSpec
{
    [Description("Access modes the volume must support.")]
    [ListType("atomic")]
    public IList<string>? AccessModes { get; set; }

    [Description("Labels of the volumes that may be bound.")]
    public LabelSelector? Selector { get; set; }

    [Description("Least and most storage the claim needs.")]
    public VolumeResourceRequirements? Resources { get; set; }

    [Description("Volume bound to the claim.")]
    public string? VolumeName { get; set; }

    [Description("StorageClass the claim uses.")]
    public string? StorageClassName { get; set; }

    [Description("Filesystem or Block.")]
    public string? VolumeMode { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
