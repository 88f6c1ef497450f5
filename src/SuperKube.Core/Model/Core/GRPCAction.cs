using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Core;

[Description("A call to the standard gRPC health service.")]
public sealed class GRPCAction
{
    [Description("Port of the gRPC service.")]
    public int? Port { get; set; }

    [Description("Service name passed in the health request.")]
    public string? Service { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
