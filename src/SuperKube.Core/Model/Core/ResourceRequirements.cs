using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Schema;

namespace SuperKube.Model.Core;

[Description("Compute resources requested by and allowed to a container.")]
public sealed class ResourceRequirements
{
    [Description("Most of each resource the container may use.")]
    [JsonConverter(typeof(QuantityDictionaryJsonConverter))]
    public IDictionary<string, string>? Limits { get; set; }

    [Description("Least of each resource the container needs; used for scheduling.")]
    [JsonConverter(typeof(QuantityDictionaryJsonConverter))]
    public IDictionary<string, string>? Requests { get; set; }

    [Description("Dynamically allocated resources the container uses.")]
    [ListType("map")]
    [ListMapKeys("name")]
    public IList<ResourceClaim>? Claims { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
