using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Schema;

namespace SuperKube.Model.Core;

[Description("Addresses that share a set of ports.")]
public sealed class EndpointSubset
{
    [Description("Addresses that are ready.")]
    [ListType("atomic")]
    public IList<EndpointAddress>? Addresses { get; set; }

    [Description("Addresses that are not ready yet.")]
    [ListType("atomic")]
    public IList<EndpointAddress>? NotReadyAddresses { get; set; }

    [Description("Ports available on every address.")]
    [ListType("atomic")]
    public IList<EndpointPort>? Ports { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
