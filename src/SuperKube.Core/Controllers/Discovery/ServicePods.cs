using SuperKube.Controllers.Apps;
using SuperKube.Controllers.Informers;
using SuperKube.Model.Core;

namespace SuperKube.Controllers.Discovery;

/// <summary>The pods behind a Service and the per-pod facts both endpoint controllers publish.</summary>
internal static class ServicePods
{
    /// <summary>True when the Service selects pods; without a selector its endpoints are managed by hand.</summary>
    public static bool HasSelector(Service service) => service.Spec?.Selector is { Count: > 0 };

    public static bool IsHeadless(Service service) => service.Spec?.ClusterIP == "None";

    /// <summary>The pods of the Service's namespace its selector matches.</summary>
    public static IEnumerable<Pod> Selected(Service service, ILister<Pod> pods) =>
        HasSelector(service)
            ? pods.List(service.Metadata?.Namespace ?? "").Where(p => Selectors.ContainsAll(p.Metadata?.Labels, service.Spec?.Selector))
            : [];

    /// <summary>A pod with an address that has not finished; terminating pods only when <paramref name="includeTerminating"/>.</summary>
    public static bool IsEligible(Pod pod, bool includeTerminating) =>
        !string.IsNullOrEmpty(pod.Status?.PodIP)
        && pod.Status?.Phase is not ("Succeeded" or "Failed")
        && (includeTerminating || pod.Metadata?.DeletionTimestamp is null);

    public static bool IsTerminating(Pod pod) => pod.Metadata?.DeletionTimestamp is not null;

    public static bool IsReady(Pod pod) => PodStates.IsReady(pod);

    /// <summary>The pod's hostname when its subdomain is the Service's name (DNS A records of headless services).</summary>
    public static string? Hostname(Pod pod, Service service) =>
        pod.Spec?.Hostname is { Length: > 0 } hostname && pod.Spec.Subdomain == service.Metadata?.Name ? hostname : null;

    public static ObjectReference Reference(Pod pod) => new()
    {
        Kind = "Pod",
        Namespace = pod.Metadata?.Namespace,
        Name = pod.Metadata?.Name,
        Uid = pod.Metadata?.Uid,
    };

    /// <summary>
    /// The container port a Service port reaches on this pod: the number itself, or the pod's container port of that
    /// name and protocol; null when the pod has no such named port.
    /// </summary>
    public static int? TargetPort(ServicePort port, Pod pod)
    {
        var target = port.TargetPort ?? new Model.IntOrString(port.Port ?? 0);
        if (!target.IsString)
        {
            return target.IntValue == 0 ? port.Port : target.IntValue;
        }

        var protocol = port.Protocol ?? "TCP";
        return pod.Spec?.Containers?.SelectMany(c => c.Ports ?? [])
            .FirstOrDefault(p => p.Name == target.StringValue && (p.Protocol ?? "TCP") == protocol)?.ContainerPortNumber;
    }

    /// <summary>Every Service of the pod's namespace that selects pods (label changes may move a pod out of one).</summary>
    public static IEnumerable<ReconcileRequest> ServicesOfNamespace(Pod pod, IServiceProvider services)
    {
        var ns = pod.Metadata?.Namespace ?? "";
        return services.GetRequiredService<ISharedInformerFactory>().GetInformer<Service>().Lister.List(ns)
            .Where(HasSelector)
            .Select(s => new ReconcileRequest(ns, s.Metadata?.Name ?? ""));
    }
}
