using System.Text.Json.Nodes;
using SuperKube.Client;
using SuperKube.Controllers.Informers;
using SuperKube.Model.Core;

namespace SuperKube.Controllers.Discovery;

/// <summary>
/// A minimal load-balancer implementation (like k3s's ServiceLB): a <c>type: LoadBalancer</c> Service without a
/// <c>loadBalancerClass</c> gets the InternalIP of every node as <c>status.loadBalancer.ingress</c>; a Service that
/// stops being a LoadBalancer has its ingress cleared.
/// </summary>
internal sealed class ServiceLoadBalancerReconciler(ISharedInformerFactory informers, IKubernetesClient client) : IReconciler<Service>
{
    private readonly ILister<Service> _services = informers.GetInformer<Service>().Lister;
    private readonly ILister<Node> _nodes = informers.GetInformer<Node>().Lister;
    private readonly IKubernetesClient _client = client.WithFieldManager("service-lb-controller");

    public static void Configure(ControllerBuilder<Service> controller) =>
        controller.WithName("service-lb").Watches<Node>(LoadBalancers);

    public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        var service = _services.Get(request.Namespace, request.Name);
        if (service is null || service.Spec?.LoadBalancerClass is not null)
        {
            return ReconcileResult.Done;
        }

        List<LoadBalancerIngress>? ingress = service.Spec?.Type == "LoadBalancer"
            ? [.. _nodes.List(null)
                .SelectMany(n => n.Status?.Addresses ?? [])
                .Where(a => a.Type == "InternalIP" && a.Address is { Length: > 0 })
                .Select(a => a.Address!)
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .Select(ip => new LoadBalancerIngress { Ip = ip, IpMode = "VIP" })]
            : null;
        if (ingress is { Count: 0 })
        {
            ingress = null;
        }

        var copy = KubernetesClientExtensions.FromJson<Service>(KubernetesClientExtensions.ToJson(service));
        var before = KubernetesClientExtensions.ToJson(copy)["status"]?["loadBalancer"]?["ingress"]?.DeepClone();
        copy.Status ??= new ServiceStatus();
        copy.Status.LoadBalancer = new LoadBalancerStatus { Ingress = ingress };
        if (!JsonNode.DeepEquals(before, KubernetesClientExtensions.ToJson(copy)["status"]?["loadBalancer"]?["ingress"]))
        {
            await _client.UpdateAsync(copy, status: true, cancellationToken).ConfigureAwait(false);
        }

        return ReconcileResult.Done;
    }

    private static IEnumerable<ReconcileRequest> LoadBalancers(Node node, IServiceProvider services) =>
        services.GetRequiredService<ISharedInformerFactory>().GetInformer<Service>().Lister.List(null)
            .Where(s => s.Spec?.Type == "LoadBalancer")
            .Select(s => new ReconcileRequest(s.Metadata?.Namespace ?? "", s.Metadata?.Name ?? ""));
}
