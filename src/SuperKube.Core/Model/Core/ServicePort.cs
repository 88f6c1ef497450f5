using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Core;

[Description("One port of a service.")]
public sealed class ServicePort
{
    [Description("Name of the port, required when there are several.")]
    public string? Name { get; set; }

    [Description("TCP, UDP or SCTP.")]
    public string? Protocol { get; set; }

    [Description("Application protocol carried on the port.")]
    public string? AppProtocol { get; set; }

    [Description("Port the service listens on.")]
    public int? Port { get; set; }

    [Description("Port number or name on the pods that receives the traffic.")]
    public IntOrString? TargetPort { get; set; }

    [Description("Port opened on every node for NodePort and LoadBalancer services.")]
    public int? NodePort { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
