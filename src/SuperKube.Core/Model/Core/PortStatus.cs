using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Core;

[Description("The state of one service port.")]
public sealed class PortStatus
{
    [Description("Port number.")]
    public int? Port { get; set; }

    [Description("Protocol of the port.")]
    public string? Protocol { get; set; }

    [Description("Problem with the port, if any.")]
    public string? Error { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
