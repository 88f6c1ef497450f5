using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Schema;

namespace SuperKube.Model.Core;

[Description("One entry point of a load balancer.")]
public sealed class LoadBalancerIngress
{
    [Description("IP address of the entry point.")]
    public string? Ip { get; set; }

    [Description("Host name of the entry point.")]
    public string? Hostname { get; set; }

    [Description("How traffic reaches the service: VIP or Proxy.")]
    public string? IpMode { get; set; }

    [Description("State of each service port.")]
    [ListType("atomic")]
    public IList<PortStatus>? Ports { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
