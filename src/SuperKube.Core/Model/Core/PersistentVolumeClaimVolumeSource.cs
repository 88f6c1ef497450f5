using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Core;

[Description("A reference to a claim in the pod's namespace.")]
public sealed class PersistentVolumeClaimVolumeSource
{
    [Description("Name of the PersistentVolumeClaim.")]
    public string? ClaimName { get; set; }

    [Description("Mount the volume read-only.")]
    public bool? ReadOnly { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
