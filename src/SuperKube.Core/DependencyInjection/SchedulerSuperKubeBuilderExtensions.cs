#pragma warning disable IDE0130 // Extension methods live in the namespace of the type they extend.

using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SuperKube.Controllers;
using SuperKube.DependencyInjection;
using SuperKube.Scheduling;
using SuperKube.Scheduling.Cache;
using SuperKube.Scheduling.Framework;
using SuperKube.Scheduling.Plugins;
using SuperKube.Scheduling.Queue;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the scheduler, its plugins and its options.</summary>
public static class SchedulerSuperKubeBuilderExtensions
{
    /// <summary>
    /// Adds the scheduler as a hosted service: an API client that places pending pods of its profiles'
    /// <c>spec.schedulerName</c> on nodes, with the built-in plugins of kube-scheduler's default profile. Calling it
    /// again only applies <paramref name="configure"/>.
    /// </summary>
    /// <param name="builder">The SuperKube builder.</param>
    /// <param name="configure">Changes the <see cref="SchedulerOptions"/>; validated when the host starts.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static ISuperKubeBuilder AddScheduler(this ISuperKubeBuilder builder, Action<SchedulerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (!services.Any(d => d.ServiceType == typeof(SchedulerService)))
        {
            services.AddOptionsWithValidateOnStart<SchedulerOptions, SchedulerOptionsValidator>();
            AddArgs<NodeResourcesFitArgs>(services, PluginNames.NodeResourcesFit);
            AddArgs<NodeResourcesBalancedAllocationArgs>(services, PluginNames.NodeResourcesBalancedAllocation);
            AddArgs<InterPodAffinityArgs>(services, PluginNames.InterPodAffinity);
            AddArgs<DefaultPreemptionArgs>(services, PluginNames.DefaultPreemption);
        }

        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SchedulerCache>();
        services.TryAddSingleton<PodNominator>();
        services.TryAddSingleton<WaitingPods>();
        services.TryAddSingleton<IWaitingPods>(sp => sp.GetRequiredService<WaitingPods>());
        services.TryAddSingleton<PriorityClasses>();
        services.TryAddSingleton<EventRecorder>();
        services.TryAddSingleton<PodStatusWriter>();
        services.TryAddSingleton<SchedulerProfiles>();
        services.TryAddSingleton<ILeaseManager, LocalLeaseManager>();
        services.TryAddSingleton<SchedulerService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SchedulerService>(sp => sp.GetRequiredService<SchedulerService>()));

        // The default profile of kube-scheduler, in its order; registered exactly like user plugins.
        return builder
            .AddSchedulerPlugin<SchedulingGates>()
            .AddSchedulerPlugin<PrioritySort>()
            .AddSchedulerPlugin<NodeUnschedulable>()
            .AddSchedulerPlugin<NodeName>()
            .AddSchedulerPlugin<TaintToleration>()
            .AddSchedulerPlugin<NodeAffinity>()
            .AddSchedulerPlugin<NodePorts>()
            .AddSchedulerPlugin<NodeResourcesFit>()
            .AddSchedulerPlugin<PodTopologySpread>()
            .AddSchedulerPlugin<InterPodAffinity>()
            .AddSchedulerPlugin<DefaultPreemption>()
            .AddSchedulerPlugin<NodeResourcesBalancedAllocation>()
            .AddSchedulerPlugin<ImageLocality>()
            .AddSchedulerPlugin<DefaultBinder>();
    }

    /// <summary>
    /// Adds a scheduler plugin: every extension point it implements runs in every profile that does not disable it,
    /// after the plugins added before it. Adding the same type twice changes nothing.
    /// </summary>
    /// <typeparam name="T">The plugin; created once by dependency injection.</typeparam>
    /// <param name="builder">The SuperKube builder.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static ISuperKubeBuilder AddSchedulerPlugin<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] T>(
        this ISuperKubeBuilder builder)
        where T : class, ISchedulerPlugin
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<T>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ISchedulerPluginRegistration, SchedulerPluginRegistration<T>>());
        return builder;
    }

    /// <summary>Changes the options of the scheduler added with <see cref="AddScheduler"/> (profiles, weights, backoff).</summary>
    /// <param name="builder">The SuperKube builder.</param>
    /// <param name="configure">Changes the <see cref="SchedulerOptions"/>.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static ISuperKubeBuilder ConfigureScheduler(this ISuperKubeBuilder builder, Action<SchedulerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return builder;
    }

    private static void AddArgs<TArgs>(IServiceCollection services, string pluginName)
        where TArgs : class
    {
        services.AddOptions<TArgs>(pluginName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IValidateOptions<TArgs>), typeof(PluginArgsValidator)));
    }
}
