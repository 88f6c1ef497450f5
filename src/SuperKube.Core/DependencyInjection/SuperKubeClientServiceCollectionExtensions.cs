#pragma warning disable IDE0130 // Extension methods live in the namespace of the type they extend.
using Microsoft.Extensions.DependencyInjection.Extensions;
using SuperKube.Client;
using SuperKube.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers SuperKube components that talk to a remote API server instead of hosting one.</summary>
public static class SuperKubeClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers an <see cref="IKubernetesClient"/> for the API server at <paramref name="server"/> (a remote node or
    /// controller process) and returns the builder, so a node agent or controllers can be added on top.
    /// </summary>
    public static ISuperKubeBuilder AddSuperKubeClient(this IServiceCollection services, Uri server, string? token = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(server);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => KubernetesClientFactory.ForServer(server, token));
        return new SuperKubeBuilder(services);
    }

    /// <summary>Registers <paramref name="client"/> (from <see cref="KubernetesClientFactory"/>) as the <see cref="IKubernetesClient"/> of remote components.</summary>
    public static ISuperKubeBuilder AddSuperKubeClient(this IServiceCollection services, IKubernetesClient client)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(client);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(client);
        return new SuperKubeBuilder(services);
    }
}
