using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Schema;

namespace SuperKube.Model.Discovery;

[Description("Routing hints of an endpoint.")]
public sealed class EndpointHints
{
    [Description("Zones that should use the endpoint.")]
    [ListType("atomic")]
    public IList<ForZone>? ForZones { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
