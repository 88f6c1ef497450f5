using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Core;

[Description("Storage amounts of a claim.")]
public sealed class VolumeResourceRequirements
{
    [Description("Most storage the claim may use.")]
    [JsonConverter(typeof(QuantityDictionaryJsonConverter))]
    public IDictionary<string, string>? Limits { get; set; }

    [Description("Least storage the claim needs.")]
    [JsonConverter(typeof(QuantityDictionaryJsonConverter))]
    public IDictionary<string, string>? Requests { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
