using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Model.Meta;
using SuperKube.Schema;

namespace SuperKube.Model.Discovery;

[Description("A slice of the endpoints that back a service.")]
public sealed class EndpointSlice : IKubernetesObject
{
    [Description("Versioned schema of this representation, such as v1 or apps/v1; the server uses it to interpret the fields.")]
    public string? ApiVersion { get; set; }

    [Description("Type of the object in CamelCase, such as Pod or Deployment.")]
    public string? Kind { get; set; }

    [Description("Standard object metadata: name, namespace, labels, annotations and server bookkeeping.")]
    public ObjectMeta? Metadata { get; set; }

    [Description("Kind of addresses: IPv4, IPv6 or FQDN.")]
    public string? AddressType { get; set; }

    [Description("Endpoints of the slice.")]
    [ListType("atomic")]
    public IList<Endpoint>? Endpoints { get; set; }

    [Description("Ports available on every endpoint.")]
    [ListType("atomic")]
    public IList<EndpointPort>? Ports { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
