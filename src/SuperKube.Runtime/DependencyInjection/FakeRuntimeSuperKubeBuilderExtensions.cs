#pragma warning disable IDE0130 // Extension methods live in the namespace of the type they extend.
using Microsoft.Extensions.DependencyInjection.Extensions;
using SuperKube.DependencyInjection;
using SuperKube.Runtime.Containers;
using SuperKube.Runtime.Fake;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Fake container runtime.</summary>
public static class FakeRuntimeSuperKubeBuilderExtensions
{
    /// <summary>
    /// Uses the in-process <see cref="FakeContainerRuntime"/> as this host's container runtime. Throws
    /// <see cref="InvalidOperationException"/> when another runtime is already registered.
    /// </summary>
    public static ISuperKubeBuilder AddFakeRuntime(this ISuperKubeBuilder builder, Action<FakeRuntimeOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        SingleRegistration.EnsureSingle<IContainerRuntime, FakeContainerRuntime>(services, "container runtime");
        services.AddOptions<FakeRuntimeOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IContainerRuntime, FakeContainerRuntime>();
        return builder;
    }
}
