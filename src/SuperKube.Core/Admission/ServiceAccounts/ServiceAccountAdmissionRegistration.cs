using Microsoft.Extensions.DependencyInjection;
using SuperKube.Admission.Webhooks;

namespace SuperKube.Admission.ServiceAccounts;

/// <summary>
/// Registers <see cref="ServiceAccountAdmission"/> (part of <c>AddSecurity</c>, which serves the TokenRequest API its
/// volumes need) ahead of the MutatingAdmissionWebhook, as in kube-apiserver's plugin order, so webhooks see the
/// injected volume. Adding it twice changes nothing.
/// </summary>
internal static class ServiceAccountAdmissionRegistration
{
    public static void Add(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(IMutatingAdmissionPlugin) && d.ImplementationType == typeof(ServiceAccountAdmission)))
        {
            return;
        }

        var descriptor = ServiceDescriptor.Singleton<IMutatingAdmissionPlugin, ServiceAccountAdmission>();
        var webhooks = services.ToList().FindIndex(d => d.ImplementationType == typeof(MutatingWebhookAdmission));
        if (webhooks >= 0)
        {
            services.Insert(webhooks, descriptor);
        }
        else
        {
            services.Add(descriptor);
        }
    }
}
