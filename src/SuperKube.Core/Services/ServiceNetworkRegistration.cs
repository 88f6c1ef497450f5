using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SuperKube.Admission;
using SuperKube.Bootstrap;

namespace SuperKube.Services;

/// <summary>Registers Service address allocation, its repair loop and the <c>kubernetes</c> Service (part of <c>AddSuperKube</c>).</summary>
internal static class ServiceNetworkRegistration
{
    public static void Add(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(ServiceAllocator)))
        {
            return;
        }

        services.AddOptions<ServiceNetworkOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ServiceNetworkOptions>, ServiceNetworkOptionsValidator>());
        services.TryAddSingleton<ServiceAllocator>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMutatingAdmissionPlugin, ServiceAllocationAdmission>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ServiceAllocationRepair>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, KubernetesService>());
    }
}
