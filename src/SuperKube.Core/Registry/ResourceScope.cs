namespace SuperKube.Registry;

/// <summary>Whether objects of a resource live inside a namespace or at cluster scope.</summary>
public enum ResourceScope
{
    Namespaced,
    Cluster,
}
