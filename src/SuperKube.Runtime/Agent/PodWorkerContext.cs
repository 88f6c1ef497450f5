using Microsoft.Extensions.Logging;
using SuperKube.Client;
using SuperKube.Runtime.Containers;
using SuperKube.Runtime.Dns;

namespace SuperKube.Runtime.Agent;

/// <summary>What every pod worker of one node shares: clients, runtime, clock, events, IPs and the node's identity.</summary>
internal sealed record PodWorkerContext
{
    public required IKubernetesClient Client { get; init; }

    public required IContainerRuntime Runtime { get; init; }

    public required TimeProvider Time { get; init; }

    public required PodEventRecorder Events { get; init; }

    public required PodIpAllocator Ips { get; init; }

    public required string NodeName { get; init; }

    public required string HostIp { get; init; }

    /// <summary>The runtime's name for container ids (<c>fake</c>, <c>docker</c>).</summary>
    public required string RuntimeName { get; init; }

    public required string RootDirectory { get; init; }

    public required ILogger Logger { get; init; }

    /// <summary>Gives pods their resolv.conf; null on nodes without cluster DNS (fake nodes).</summary>
    public PodDnsConfigurer? Dns { get; init; }

    public ContainerProber Prober => new(Runtime, Time);
}
