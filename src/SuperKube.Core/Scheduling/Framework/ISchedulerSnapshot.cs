namespace SuperKube.Scheduling.Framework;

/// <summary>The scheduler's in-memory view of the cluster during one attempt. Valid only within that attempt.</summary>
public interface ISchedulerSnapshot
{
    /// <summary>Every node, in a stable order.</summary>
    IReadOnlyList<NodeInfo> Nodes { get; }

    NodeInfo? GetNode(string name);

    /// <summary>How many pods on the nodes have any pod affinity or anti-affinity term.</summary>
    int PodsWithAffinityCount { get; }

    /// <summary>How many pods on the nodes have a required anti-affinity term.</summary>
    int PodsWithRequiredAntiAffinityCount { get; }

    /// <summary>How many nodes hold the image (by the normalised name the node reports).</summary>
    int NodesWithImage(string image);

    /// <summary>The labels of a namespace, or null when the scheduler does not know it.</summary>
    IReadOnlyDictionary<string, string>? NamespaceLabels(string ns);
}
