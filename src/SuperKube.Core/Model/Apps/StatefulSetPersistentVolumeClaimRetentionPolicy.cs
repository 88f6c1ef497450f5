using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Apps;

[Description("What happens to claims created from volumeClaimTemplates.")]
public sealed class StatefulSetPersistentVolumeClaimRetentionPolicy
{
    [Description("Retain or Delete when the StatefulSet is deleted.")]
    public string? WhenDeleted { get; set; }

    [Description("Retain or Delete when the StatefulSet is scaled down.")]
    public string? WhenScaled { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
