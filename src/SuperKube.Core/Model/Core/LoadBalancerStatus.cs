using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Schema;

namespace SuperKube.Model.Core;

[Description("The state of a load balancer.")]
public sealed class LoadBalancerStatus
{
    [Description("Entry points of the load balancer.")]
    [ListType("atomic")]
    public IList<LoadBalancerIngress>? Ingress { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
