namespace SuperKube.Runtime.Agent;

/// <summary>Settings of a node agent: the node's identity, capacity, networking and heartbeat timing.</summary>
public sealed class NodeAgentOptions
{
    /// <summary>The Node's name (a DNS subdomain). Required; the host name when set from the command line.</summary>
    public string NodeName { get; set; } = "";

    /// <summary>Extra labels for the Node, on top of the standard ones (hostname, os, arch). Default: none.</summary>
    public IDictionary<string, string> Labels { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Marks the node as the server's own with the <c>node-role.kubernetes.io/control-plane</c> label. Default: false.</summary>
    public bool ControlPlane { get; set; }

    /// <summary>The <c>topology.kubernetes.io/zone</c> label, if any. Default: none.</summary>
    public string? Zone { get; set; }

    /// <summary>CPU capacity as a quantity (<c>4</c>, <c>3500m</c>). Default: the machine's processor count.</summary>
    public string Cpu { get; set; } = Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Memory capacity as a quantity. Default: the memory available to this process, in Ki.</summary>
    public string Memory { get; set; } = (GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024).ToString(System.Globalization.CultureInfo.InvariantCulture) + "Ki";

    /// <summary>How many pods the node takes. Default: 110.</summary>
    public int MaxPods { get; set; } = 110;

    /// <summary>Ephemeral storage capacity as a quantity. Default: <c>100Gi</c>.</summary>
    public string EphemeralStorage { get; set; } = "100Gi";

    /// <summary>The node's pod address range (IPv4 CIDR). Default: null, meaning the first free /24 of <see cref="ClusterCidr"/>.</summary>
    public string? PodCidr { get; set; }

    /// <summary>The cluster's pod range that node podCIDRs are carved from. Default: <c>10.244.0.0/16</c>.</summary>
    public string ClusterCidr { get; set; } = "10.244.0.0/16";

    /// <summary>The node's InternalIP address. Default: null, meaning the machine's first non-loopback IPv4 address.</summary>
    public string? Address { get; set; }

    /// <summary>How often the node's Lease in <c>kube-node-lease</c> is renewed. Default: 10 seconds.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The Lease's duration. Default: 40 seconds.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(40);

    /// <summary>How often the NodeStatus is reported even when nothing changed. Default: 1 minute.</summary>
    public TimeSpan StatusReportInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Where pod directories (emptyDir volumes) live. Default: <c>TEMP/superkube/NODE</c>.</summary>
    public string? RootDirectory { get; set; }
}
