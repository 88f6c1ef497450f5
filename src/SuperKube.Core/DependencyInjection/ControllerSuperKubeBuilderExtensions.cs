#pragma warning disable IDE0130 // Extension methods live in the namespace of the type they extend.

using System.Diagnostics.CodeAnalysis;
using System.Text;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SuperKube.Controllers;
using SuperKube.Controllers.Apps;
using SuperKube.Controllers.Batch;
using SuperKube.Controllers.Discovery;
using SuperKube.Controllers.Disruption;
using SuperKube.Controllers.Events;
using SuperKube.Controllers.GarbageCollection;
using SuperKube.Controllers.Namespaces;
using SuperKube.Controllers.Nodes;
using SuperKube.Controllers.Quota;
using SuperKube.Controllers.ServiceAccounts;
using SuperKube.Controllers.Informers;
using SuperKube.DependencyInjection;
using SuperKube.Model;
using SuperKube.Model.Apps;
using SuperKube.Model.Batch;
using SuperKube.Model.Core;
using SuperKube.Model.Policy;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds, replaces and removes controllers; the built-in ones are added the same way.</summary>
public static class ControllerSuperKubeBuilderExtensions
{
    /// <summary>
    /// Adds a controller that reconciles <typeparamref name="TResource"/> with <typeparamref name="TReconciler"/>
    /// (taken from the container when registered there, otherwise created with its constructor's services). Its name
    /// defaults to the reconciler's type name without "Reconciler", in kebab case; a controller already added with
    /// the same name is replaced. Per-controller settings are the named <see cref="ControllerOptions"/>.
    /// </summary>
    /// <param name="builder">The SuperKube builder.</param>
    /// <param name="configure">Sets the name, the concurrency and what else to watch (<c>c =&gt; c.Owns&lt;Pod&gt;()</c>).</param>
    /// <returns>The same builder, for chaining.</returns>
    public static ISuperKubeBuilder AddController<TResource, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TReconciler>(
        this ISuperKubeBuilder builder, Action<ControllerBuilder<TResource>>? configure = null)
        where TResource : class, IKubernetesObject
        where TReconciler : class, IReconciler<TResource>
    {
        ArgumentNullException.ThrowIfNull(builder);
        var controller = new ControllerBuilder<TResource>(DefaultName(typeof(TReconciler)));
        configure?.Invoke(controller);
        builder.RemoveController(controller.Name);
        Register<TResource, TReconciler>(builder.Services, controller);
        return builder;
    }

    /// <summary>Removes the controller with this name (a built-in one too); does nothing when there is none.</summary>
    /// <param name="builder">The SuperKube builder.</param>
    /// <param name="name">The controller name, such as <c>deployment</c>.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static ISuperKubeBuilder RemoveController(this ISuperKubeBuilder builder, string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var services = builder.Services;
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == typeof(ControllerRegistration) && services[i].ImplementationInstance is ControllerRegistration r && r.Name == name)
            {
                services.RemoveAt(i);
            }
        }

        return builder;
    }

    /// <summary>
    /// Adds the built-in controllers (<c>deployment</c>, <c>replicaset</c>, <c>statefulset</c>, <c>daemonset</c>,
    /// <c>job</c>, <c>cronjob</c>, <c>namespace</c>, <c>disruption</c>, <c>node-lifecycle</c>, <c>resourcequota</c>, <c>serviceaccount</c>,
    /// <c>endpoints</c>, <c>endpointslice</c>, <c>endpointslice-mirroring</c>, <c>service-lb</c>, <c>garbage-collector</c>, <c>event-ttl</c>; the job controller's
    /// back-off is set with <see cref="JobControllerOptions"/>) unless a controller with the same name
    /// was added before. Remove or replace one afterwards with <see cref="RemoveController"/> or
    /// <see cref="AddController{TResource, TReconciler}"/> with the same name.
    /// </summary>
    /// <param name="builder">The SuperKube builder.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static ISuperKubeBuilder AddBuiltInControllers(this ISuperKubeBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        TryAdd<Deployment, DeploymentReconciler>(builder, DeploymentReconciler.Configure);
        TryAdd<ReplicaSet, ReplicaSetReconciler>(builder, ReplicaSetReconciler.Configure);
        TryAdd<StatefulSet, StatefulSetReconciler>(builder, StatefulSetReconciler.Configure);
        TryAdd<DaemonSet, DaemonSetReconciler>(builder, DaemonSetReconciler.Configure);
        TryAdd<Job, JobReconciler>(builder, JobReconciler.Configure);
        TryAdd<CronJob, CronJobReconciler>(builder, CronJobReconciler.Configure);
        builder.Services.AddOptions<JobControllerOptions>();
        TryAdd<Namespace, NamespaceReconciler>(builder, NamespaceReconciler.Configure);
        TryAdd<PodDisruptionBudget, DisruptionReconciler>(builder, DisruptionReconciler.Configure);
        TryAdd<Node, NodeLifecycleReconciler>(builder, NodeLifecycleReconciler.Configure);
        TryAdd<ResourceQuota, ResourceQuotaReconciler>(builder, ResourceQuotaReconciler.Configure);
        TryAdd<Namespace, ServiceAccountReconciler>(builder, ServiceAccountReconciler.Configure);
        builder.Services.AddOptions<NodeLifecycleOptions>();
        TryAdd<Service, EndpointsReconciler>(builder, EndpointsReconciler.Configure);
        TryAdd<Service, EndpointSliceReconciler>(builder, EndpointSliceReconciler.Configure);
        TryAdd<Endpoints, EndpointSliceMirroringReconciler>(builder, EndpointSliceMirroringReconciler.Configure);
        TryAdd<Service, ServiceLoadBalancerReconciler>(builder, ServiceLoadBalancerReconciler.Configure);
        TryAddManaged(builder, GarbageCollector.ControllerName, sp => ActivatorUtilities.CreateInstance<GarbageCollector>(sp));
        TryAddManaged(builder, EventExpiry.ControllerName, sp => ActivatorUtilities.CreateInstance<EventExpiry>(sp));
        builder.Services.AddOptions<EventExpiryOptions>();
        return builder;
    }

    /// <summary>Adds a controller that is not a reconciler of one resource (the garbage collector) unless the name is taken.</summary>
    private static void TryAddManaged(ISuperKubeBuilder builder, string name, Func<IServiceProvider, IManagedController> create)
    {
        if (!builder.Services.Any(d => d.ImplementationInstance is ControllerRegistration r && r.Name == name))
        {
            AddInfrastructure(builder.Services);
            builder.Services.AddSingleton(new ControllerRegistration(name, create));
        }
    }

    private static void TryAdd<TResource, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TReconciler>(
        ISuperKubeBuilder builder, Action<ControllerBuilder<TResource>> configure)
        where TResource : class, IKubernetesObject
        where TReconciler : class, IReconciler<TResource>
    {
        var controller = new ControllerBuilder<TResource>(DefaultName(typeof(TReconciler)));
        configure(controller);
        if (!builder.Services.Any(d => d.ImplementationInstance is ControllerRegistration r && r.Name == controller.Name))
        {
            Register<TResource, TReconciler>(builder.Services, controller);
        }
    }

    private static void Register<TResource, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TReconciler>(
        IServiceCollection services, ControllerBuilder<TResource> controller)
        where TResource : class, IKubernetesObject
        where TReconciler : class, IReconciler<TResource>
    {
        AddInfrastructure(services);
        var name = controller.Name;
        var sources = controller.Sources.ToArray();
        if (controller.Concurrency is { } concurrency)
        {
            services.Configure<ControllerOptions>(name, o => o.Concurrency = concurrency);
        }

        services.AddOptions<ControllerOptions>(name).ValidateOnStart();
        services.AddSingleton(new ControllerRegistration(name, sp =>
        {
            var registered = sp.GetService<TReconciler>();
            var reconciler = registered ?? ActivatorUtilities.CreateInstance<TReconciler>(sp);
            var options = sp.GetRequiredService<IOptionsMonitor<ControllerOptions>>().Get(name);
            return new Controller<TResource>(name, reconciler, registered is null, sources, sp, options);
        }));
    }

    private static void AddInfrastructure(IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISharedInformerFactory, SharedInformerFactory>();
        services.TryAddSingleton<ILeaseManager, LocalLeaseManager>();
        services.TryAddSingleton<ControllerMetrics>();
        services.TryAddSingleton<ControllerEvents>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ControllerOptions>, ControllerOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ControllerManager>());
    }

    /// <summary><c>DeploymentReconciler</c> → <c>deployment</c>, <c>MyThingReconciler</c> → <c>my-thing</c>.</summary>
    private static string DefaultName(Type reconciler)
    {
        var name = reconciler.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        if (tick >= 0)
        {
            name = name[..tick];
        }

        if (name.Length > "Reconciler".Length && name.EndsWith("Reconciler", StringComparison.Ordinal))
        {
            name = name[..^"Reconciler".Length];
        }

        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0 && !char.IsUpper(name[i - 1]))
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }
}
