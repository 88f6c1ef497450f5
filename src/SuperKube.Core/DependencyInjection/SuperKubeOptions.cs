namespace SuperKube.DependencyInjection;

/// <summary>Cluster-wide options of a SuperKube server.</summary>
public sealed class SuperKubeOptions
{
    /// <summary>Creates default, kube-system, kube-public and kube-node-lease at start. Default true.</summary>
    public bool CreateSystemNamespaces { get; set; } = true;
}
