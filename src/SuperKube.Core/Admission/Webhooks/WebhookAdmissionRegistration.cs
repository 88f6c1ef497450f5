using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SuperKube.Admission.Webhooks;

/// <summary>Registers the MutatingAdmissionWebhook and ValidatingAdmissionWebhook plugins (part of <c>AddSuperKube</c>).</summary>
internal static class WebhookAdmissionRegistration
{
    public static void Add(IServiceCollection services)
    {
        services.TryAddSingleton<WebhookConfigurations>();
        services.TryAddSingleton<WebhookMatcher>();
        services.TryAddSingleton<WebhookEndpoints>();
        services.TryAddSingleton<WebhookClient>();
        services.TryAddSingleton<WebhookDispatcher>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMutatingAdmissionPlugin, MutatingWebhookAdmission>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidatingAdmissionPlugin, ValidatingWebhookAdmission>());
    }
}
