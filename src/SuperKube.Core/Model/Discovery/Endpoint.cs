using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Model.Core;
using SuperKube.Schema;

namespace SuperKube.Model.Discovery;

[Description("One backend of a service.")]
public sealed class Endpoint
{
    [Description("Addresses of the endpoint, all treated as one backend.")]
    [ListType("set")]
    public IList<string>? Addresses { get; set; }

    [Description("Readiness of the endpoint.")]
    public EndpointConditions? Conditions { get; set; }

    [Description("Host name of the endpoint.")]
    public string? Hostname { get; set; }

    [Description("Object that provides the endpoint, usually a pod.")]
    public ObjectReference? TargetRef { get; set; }

    [Description("Deprecated topology labels.")]
    public IDictionary<string, string>? DeprecatedTopology { get; set; }

    [Description("Node hosting the endpoint.")]
    public string? NodeName { get; set; }

    [Description("Zone of the endpoint.")]
    public string? Zone { get; set; }

    [Description("Routing hints.")]
    public EndpointHints? Hints { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
