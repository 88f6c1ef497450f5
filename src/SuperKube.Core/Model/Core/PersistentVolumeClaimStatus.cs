using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Schema;

namespace SuperKube.Model.Core;

[Description("The observed state of a claim.")]
public sealed class PersistentVolumeClaimStatus
{
    [Description("Pending, Bound or Lost.")]
    public string? Phase { get; set; }

    [Description("Access modes of the bound volume.")]
    [ListType("atomic")]
    public IList<string>? AccessModes { get; set; }

    [Description("Resources of the bound volume.")]
    [JsonConverter(typeof(QuantityDictionaryJsonConverter))]
    public IDictionary<string, string>? Capacity { get; set; }

    [Description("Current conditions of the claim.")]
    [PatchMergeKey("type")]
    [PatchStrategy("merge")]
    [ListType("map")]
    [ListMapKeys("type")]
    public IList<PersistentVolumeClaimCondition>? Conditions { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
