using System.Net;

namespace SuperKube.Runtime.ServiceProxy;

/// <summary>What the node's proxy and DNS need of one Service and its EndpointSlices, read once per change.</summary>
internal sealed record ServiceView
{
    public required string Namespace { get; init; }

    public required string Name { get; init; }

    /// <summary><c>ClusterIP</c>, <c>NodePort</c>, <c>LoadBalancer</c> or <c>ExternalName</c>.</summary>
    public required string Type { get; init; }

    /// <summary>The cluster IP; null for headless and ExternalName services.</summary>
    public IPAddress? ClusterIp { get; init; }

    /// <summary><c>clusterIP: None</c>.</summary>
    public bool Headless { get; init; }

    public string? ExternalName { get; init; }

    public IReadOnlyList<ServicePortView> Ports { get; init; } = [];

    /// <summary>The IPs of <c>status.loadBalancer.ingress</c>.</summary>
    public IReadOnlyList<IPAddress> IngressIps { get; init; } = [];

    /// <summary>How long a client IP sticks to its endpoint (<c>sessionAffinity: ClientIP</c>); null without affinity.</summary>
    public TimeSpan? AffinityTimeout { get; init; }

    /// <summary><c>externalTrafficPolicy: Local</c>: node ports and load-balancer ports reach only this node's endpoints.</summary>
    public bool ExternalLocal { get; init; }

    /// <summary><c>internalTrafficPolicy: Local</c>: the cluster IP reaches only this node's endpoints.</summary>
    public bool InternalLocal { get; init; }

    /// <summary>The endpoints of every slice of the service (an address is listed once per slice it is in).</summary>
    public IReadOnlyList<EndpointView> Endpoints { get; init; } = [];

    public string Key => Namespace + "/" + Name;
}
