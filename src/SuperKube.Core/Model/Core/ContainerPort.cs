using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Core;

[Description("A network port a container listens on.")]
public sealed class ContainerPort
{
    [Description("Name of the port, unique within the pod; services can refer to it.")]
    public string? Name { get; set; }

    [Description("Port opened on the node and forwarded to the container.")]
    public int? HostPort { get; set; }

    [Description("Port number inside the container.")]
    [JsonPropertyName("containerPort")]
    public int? ContainerPortNumber { get; set; }

    [Description("Protocol of the port: TCP, UDP or SCTP.")]
    public string? Protocol { get; set; }

    [Description("Node address the host port is bound to.")]
    public string? HostIP { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
