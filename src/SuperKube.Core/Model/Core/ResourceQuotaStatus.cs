using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Core;

[Description("The limits a quota enforces and the current usage of the namespace.")]
public sealed class ResourceQuotaStatus
{
    [Description("The hard limits enforced.")]
    public IDictionary<string, string>? Hard { get; set; }

    [Description("The observed usage of each limited resource.")]
    public IDictionary<string, string>? Used { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
