using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Schema;

namespace SuperKube.Model.Core;

[Description("The desired behaviour of a service.")]
public sealed class ServiceSpec
{
    [Description("Ports the service exposes.")]
    [PatchMergeKey("port")]
    [PatchStrategy("merge")]
    [ListType("map")]
    [ListMapKeys("port", "protocol")]
    public IList<ServicePort>? Ports { get; set; }

    [Description("Labels of the pods that receive the traffic.")]
    [MapType("atomic")]
    public IDictionary<string, string>? Selector { get; set; }

    [Description("Virtual IP of the service; None makes it headless.")]
    public string? ClusterIP { get; set; }

    [Description("Virtual IPs of the service, one per IP family.")]
    [ListType("atomic")]
    public IList<string>? ClusterIPs { get; set; }

    [Description("How the service is exposed: ClusterIP, NodePort, LoadBalancer or ExternalName.")]
    public string? Type { get; set; }

    [Description("Extra addresses on which nodes accept traffic for the service.")]
    [ListType("atomic")]
    public IList<string>? ExternalIPs { get; set; }

    [Description("ClientIP keeps a client on one endpoint; None does not.")]
    public string? SessionAffinity { get; set; }

    [Description("Deprecated request for a load balancer address.")]
    public string? LoadBalancerIP { get; set; }

    [Description("Client CIDRs a load balancer admits.")]
    [ListType("atomic")]
    public IList<string>? LoadBalancerSourceRanges { get; set; }

    [Description("DNS name an ExternalName service aliases.")]
    public string? ExternalName { get; set; }

    [Description("How external traffic is routed: Cluster or Local.")]
    public string? ExternalTrafficPolicy { get; set; }

    [Description("Node port that reports local endpoint health for Local traffic policy.")]
    public int? HealthCheckNodePort { get; set; }

    [Description("Publish addresses of pods that are not ready.")]
    public bool? PublishNotReadyAddresses { get; set; }

    [Description("IP families of the service: IPv4, IPv6.")]
    [ListType("atomic")]
    public IList<string>? IpFamilies { get; set; }

    [Description("SingleStack, PreferDualStack or RequireDualStack.")]
    public string? IpFamilyPolicy { get; set; }

    [Description("Whether a LoadBalancer service gets node ports.")]
    public bool? AllocateLoadBalancerNodePorts { get; set; }

    [Description("Load balancer implementation that handles the service.")]
    public string? LoadBalancerClass { get; set; }

    [Description("How in-cluster traffic is routed: Cluster or Local.")]
    public string? InternalTrafficPolicy { get; set; }

    [Description("Preference for how traffic is spread across endpoints.")]
    public string? TrafficDistribution { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
