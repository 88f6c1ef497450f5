namespace SuperKube.Runtime.Agent;

/// <summary>Settings of the simulated nodes added with <c>AddFakeNodes</c>.</summary>
public sealed class FakeNodesOptions
{
    /// <summary>How many nodes to simulate. Default: 0.</summary>
    public int Count { get; set; }

    /// <summary>Node names are this prefix plus a number from 1. Default: <c>fake-node-</c>.</summary>
    public string NamePrefix { get; set; } = "fake-node-";

    /// <summary>CPU capacity of each node. Default: <c>8</c>.</summary>
    public string Cpu { get; set; } = "8";

    /// <summary>Memory capacity of each node. Default: <c>32Gi</c>.</summary>
    public string Memory { get; set; } = "32Gi";

    /// <summary>Pods each node takes. Default: 110.</summary>
    public int MaxPods { get; set; } = 110;

    /// <summary>Zones the nodes are spread across, round-robin, as <c>topology.kubernetes.io/zone</c>. Default: zone-a, zone-b, zone-c.</summary>
    public IList<string> Zones { get; } = ["zone-a", "zone-b", "zone-c"];

    /// <summary>Extra labels on every fake node. Default: <c>type=fake</c>.</summary>
    public IDictionary<string, string> Labels { get; } = new Dictionary<string, string>(StringComparer.Ordinal) { ["type"] = "fake" };

    /// <summary>How often leases are renewed. Default: 10 seconds.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(10);
}
