#pragma warning disable IDE0130 // Extension methods live in the namespace of the type they extend.
using Microsoft.Extensions.DependencyInjection.Extensions;
using SuperKube.DependencyInjection;
using SuperKube.Runtime.Containers;
using SuperKube.Runtime.Docker;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Docker container runtime.</summary>
public static class DockerRuntimeSuperKubeBuilderExtensions
{
    /// <summary>
    /// Uses a Docker engine (DOCKER_HOST, or <c>unix:///var/run/docker.sock</c>) as this host's container runtime. Throws
    /// <see cref="InvalidOperationException"/> when another runtime is already registered.
    /// </summary>
    public static ISuperKubeBuilder AddDockerRuntime(this ISuperKubeBuilder builder, Action<DockerRuntimeOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        SingleRegistration.EnsureSingle<IContainerRuntime, DockerContainerRuntime>(services, "container runtime");
        services.AddOptions<DockerRuntimeOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IContainerRuntime, DockerContainerRuntime>();
        return builder;
    }
}
