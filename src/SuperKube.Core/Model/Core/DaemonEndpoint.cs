using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Core;

[Description("A port a daemon listens on.")]
public sealed class DaemonEndpoint
{
    [Description("Port number.")]
    [JsonPropertyName("Port")]
    public int? Port { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
