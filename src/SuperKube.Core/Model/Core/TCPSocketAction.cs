using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Core;

[Description("A TCP connection attempt.")]
public sealed class TCPSocketAction
{
    [Description("Port number or name to connect to.")]
    public IntOrString? Port { get; set; }

    [Description("Host to connect to; defaults to the pod IP.")]
    public string? Host { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
