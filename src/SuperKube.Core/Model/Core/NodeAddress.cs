using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Core;

[Description("One address of a node.")]
public sealed class NodeAddress
{
    [Description("Kind of address: Hostname, InternalIP, ExternalIP, InternalDNS or ExternalDNS.")]
    public string? Type { get; set; }

    [Description("The address.")]
    public string? Address { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
