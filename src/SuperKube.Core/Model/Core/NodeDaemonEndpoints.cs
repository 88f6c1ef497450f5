using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Core;

[Description("Ports on which daemons of the node listen.")]
public sealed class NodeDaemonEndpoints
{
    [Description("Endpoint of the node agent.")]
    public DaemonEndpoint? KubeletEndpoint { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
