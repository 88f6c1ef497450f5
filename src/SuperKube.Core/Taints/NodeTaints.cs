namespace SuperKube.Taints;

/// <summary>The taint keys and effects the control plane itself puts on nodes (upstream's well-known taints).</summary>
internal static class NodeTaints
{
    public const string NotReady = "node.kubernetes.io/not-ready";
    public const string Unreachable = "node.kubernetes.io/unreachable";
    public const string NoSchedule = "NoSchedule";
    public const string NoExecute = "NoExecute";
}
