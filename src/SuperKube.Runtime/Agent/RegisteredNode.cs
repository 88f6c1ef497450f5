namespace SuperKube.Runtime.Agent;

/// <summary>A node this process registered: its name, pod range and InternalIP, whether it is simulated, and its kubelet port.</summary>
public sealed record RegisteredNode(string Name, string PodCidr, string Address, bool Simulated)
{
    /// <summary>The port the node advertises in <c>status.daemonEndpoints.kubeletEndpoint</c> (its streaming server's, when it runs one).</summary>
    public int KubeletPort { get; init; } = 10250;
}
