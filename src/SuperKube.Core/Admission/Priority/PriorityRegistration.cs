using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace SuperKube.Admission.Priority;

/// <summary>Registers the Priority admission plugin and the built-in PriorityClasses (part of <c>AddSuperKube</c>).</summary>
internal static class PriorityRegistration
{
    public static void Add(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMutatingAdmissionPlugin, PriorityAdmission>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidatingAdmissionPlugin, PriorityAdmission>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SystemPriorityClasses>());
    }
}
