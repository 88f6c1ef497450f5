using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Model.Meta;
using SuperKube.Schema;

namespace SuperKube.Model.Core;

[Description("The observed state of a service.")]
public sealed class ServiceStatus
{
    [Description("The load balancer, if one exists.")]
    public LoadBalancerStatus? LoadBalancer { get; set; }

    [Description("Current conditions of the service.")]
    [PatchMergeKey("type")]
    [PatchStrategy("merge")]
    [ListType("map")]
    [ListMapKeys("type")]
    public IList<Condition>? Conditions { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
