using SuperKube.DependencyInjection;

namespace SuperKube.Testing;

/// <summary>Options of an in-process test cluster.</summary>
public sealed class SuperKubeClusterOptions
{
    /// <summary>
    /// Adds components to the cluster (controllers, scheduler, fake nodes, admission plugins). Storage is SQLite in
    /// memory unless configured here. Default: nothing extra.
    /// </summary>
    public Action<ISuperKubeBuilder>? Configure { get; set; }

    /// <summary>Directory for the kubeconfig; default a fresh temporary directory, deleted on dispose.</summary>
    public string? DataDirectory { get; set; }
}
