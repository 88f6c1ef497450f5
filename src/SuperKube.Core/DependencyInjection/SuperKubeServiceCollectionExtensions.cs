#pragma warning disable IDE0130 // Extension methods live in the namespace of the type they extend.
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using SuperKube.Admission;
using SuperKube.Api;
using SuperKube.Api.Discovery;
using SuperKube.Bootstrap;
using SuperKube.DependencyInjection;
using SuperKube.OpenApi;
using SuperKube.Registry;
using SuperKube.Resources;
using SuperKube.Security;
using SuperKube.Security.Limits;
using SuperKube.WatchCache;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers SuperKube in a service collection.</summary>
public static class SuperKubeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the SuperKube API server core: registry with the built-in resources, watch cache, read and write paths,
    /// admission and the request pipeline. Add a storage backend (<c>AddSqliteStorage</c>) and map the API with
    /// <c>MapSuperKubeApi()</c>. Calling it again changes nothing but the options.
    /// </summary>
    public static ISuperKubeBuilder AddSuperKube(this IServiceCollection services, Action<SuperKubeOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<SuperKubeOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IResourceRegistry>(_ => new ResourceRegistry(BuiltInResources.Create()));
        services.TryAddSingleton<ResourceWatchCache>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ResourceWatchCache>(sp => sp.GetRequiredService<ResourceWatchCache>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SystemNamespaces>());
        services.TryAddSingleton<ResourceReader>();
        services.TryAddSingleton<ResourceWriter>();
        services.TryAddSingleton<AdmissionChain>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidatingAdmissionPlugin, NamespaceLifecycleAdmission>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMutatingAdmissionPlugin, DefaultTolerationSecondsAdmission>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMutatingAdmissionPlugin, SuperKube.Admission.LimitRanger.LimitRangerAdmission>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidatingAdmissionPlugin, SuperKube.Admission.LimitRanger.LimitRangerAdmission>());
        SuperKube.Admission.Priority.PriorityRegistration.Add(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidatingAdmissionPlugin, SuperKube.Admission.PodSecurity.PodSecurityAdmission>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidatingAdmissionPlugin, ResourceQuotaAdmission>());
        SuperKube.Services.ServiceNetworkRegistration.Add(services);
        SuperKube.Admission.Webhooks.WebhookAdmissionRegistration.Add(services);
        services.TryAddSingleton<IAuthenticator, AdminAuthenticator>();
        services.TryAddSingleton<IAuthorizer, AllowAllAuthorizer>();
        if (!services.Any(d => d.ServiceType == typeof(RequestLimiter)))
        {
            services.AddOptionsWithValidateOnStart<RequestLimitsOptions, RequestLimitsOptionsValidator>();
            services.AddSingleton<RequestLimiter>();
        }

        services.TryAddSingleton<RequestGate>();
        services.TryAddSingleton<DiscoveryDocuments>();
        services.TryAddSingleton<OpenApiDocumentBuilder>();
        services.TryAddSingleton<WatchResponder>();
        services.TryAddSingleton<PatchHandler>();
        services.TryAddSingleton<PodBinding>();
        if (!services.Any(d => d.ServiceType == typeof(SuperKube.Streaming.Remote.RemoteNodeStreams)))
        {
            services.AddOptionsWithValidateOnStart<SuperKube.Streaming.Remote.NodeDialOptions, SuperKube.Streaming.Remote.NodeDialOptionsValidator>();
            services.AddSingleton<SuperKube.Streaming.Remote.RemoteNodeStreams>();
        }

        services.TryAddSingleton<SubresourceWriter>();
        services.TryAddSingleton<ReviewResources>();
        services.TryAddSingleton<SuperKube.CustomResources.CustomResourceScale>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SuperKube.CustomResources.CrdRegistrar>());
        services.TryAddSingleton<ResourceEndpoint>();
        services.TryAddSingleton<ApiRequestHandler>();
        services.TryAddSingleton<SuperKube.Client.IKubernetesClient>(sp => ActivatorUtilities.CreateInstance<SuperKube.Client.InProcessKubernetesClient>(sp, "superkube"));
        return new SuperKubeBuilder(services);
    }
}
