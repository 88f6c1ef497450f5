using SuperKube.Objects;

namespace SuperKube.Runtime.Containers;

/// <summary>What a pod sandbox is made from: the pod's identity, host name and IP address.</summary>
public sealed record PodSandboxSpec
{
    public required string PodUid { get; init; }

    public required string Namespace { get; init; }

    public required string Name { get; init; }

    /// <summary>The pod's host name (<c>spec.hostname</c> or the pod name).</summary>
    public string Hostname { get; init; } = "";

    /// <summary>The IP the node assigned to the pod from its podCIDR.</summary>
    public string Ip { get; init; } = "";

    /// <summary>The pod shares the node's network (<c>spec.hostNetwork</c>); <see cref="Ip"/> is then the node's address.</summary>
    public bool HostNetwork { get; init; }

    /// <summary>The pod's resolv.conf per its dnsPolicy; null to leave the runtime's default (the host's resolvers).</summary>
    public PodDnsSettings? Dns { get; init; }

    /// <summary>Labels put on the sandbox and inherited by its containers (pod uid, name, namespace).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = StringMap.Empty;

    /// <summary>Registry credentials from the pod's (or its ServiceAccount's) image pull secrets, in their order. Default: none.</summary>
    public IReadOnlyList<RegistryCredential> PullCredentials { get; init; } = [];

    /// <summary>The pod's annotations (runtimes may read hints from them).</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = StringMap.Empty;
}
