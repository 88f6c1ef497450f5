using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Schema;

namespace SuperKube.Model.Core;

[Description("One endpoint address.")]
[MapType("atomic")]
public sealed class EndpointAddress
{
    [Description("IP address.")]
    public string? Ip { get; set; }

    [Description("Host name of the endpoint.")]
    public string? Hostname { get; set; }

    [Description("Node hosting the endpoint.")]
    public string? NodeName { get; set; }

    [Description("Object that provides the endpoint, usually a pod.")]
    public ObjectReference? TargetRef { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
