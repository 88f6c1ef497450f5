using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Discovery;

[Description("The readiness of an endpoint.")]
public sealed class EndpointConditions
{
    [Description("Whether the endpoint is ready for traffic.")]
    public bool? Ready { get; set; }

    [Description("Whether the endpoint serves, even while terminating.")]
    public bool? Serving { get; set; }

    [Description("Whether the endpoint is terminating.")]
    public bool? Terminating { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
