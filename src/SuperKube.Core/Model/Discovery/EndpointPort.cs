using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Schema;

namespace SuperKube.Model.Discovery;

[Description("One port of an endpoint slice.")]
[MapType("atomic")]
public sealed class EndpointPort
{
    [Description("Name matching the service port.")]
    public string? Name { get; set; }

    [Description("TCP, UDP or SCTP.")]
    public string? Protocol { get; set; }

    [Description("Port number.")]
    public int? Port { get; set; }

    [Description("Application protocol of the port.")]
    public string? AppProtocol { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
