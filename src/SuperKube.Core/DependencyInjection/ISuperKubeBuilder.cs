namespace SuperKube.DependencyInjection;

/// <summary>
/// Returned by <c>services.AddSuperKube()</c>; storage, controllers, scheduler plugins, runtimes and the node
/// agent are added through extension methods on it.
/// </summary>
public interface ISuperKubeBuilder
{
    /// <summary>The service collection being configured.</summary>
    IServiceCollection Services { get; }
}
