namespace SuperKube.Controllers.Nodes;

/// <summary>Settings of the node lifecycle controller (upstream's kube-controller-manager flags of the same meaning).</summary>
public sealed class NodeLifecycleOptions
{
    /// <summary>
    /// How long a node may go without renewing its Lease (or posting status) before its conditions become Unknown
    /// and it is tainted unreachable (<c>--node-monitor-grace-period</c>, 50 s upstream).
    /// </summary>
    public TimeSpan MonitorGracePeriod { get; set; } = TimeSpan.FromSeconds(50);
}
