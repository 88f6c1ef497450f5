using SuperKube.Client;
using SuperKube.Controllers.Informers;
using SuperKube.Model.Core;
using SuperKube.Model.Discovery;
using SuperKube.Model.Meta;
using DiscoveryPort = SuperKube.Model.Discovery.EndpointPort;

namespace SuperKube.Controllers.Discovery;

/// <summary>
/// The EndpointSlice controller: publishes the pods of every Service with a selector as IPv4 EndpointSlices of at
/// most 100 endpoints, with ready/serving/terminating conditions, node name, zone (the node's
/// <c>topology.kubernetes.io/zone</c> label) and a reference to the pod. Slices are owned by the Service.
/// </summary>
internal sealed class EndpointSliceReconciler(ISharedInformerFactory informers, IKubernetesClient client) : IReconciler<Service>
{
    public const string ManagedBy = "endpointslice-controller.k8s.io";
    public const string ZoneLabel = "topology.kubernetes.io/zone";

    private readonly ILister<Service> _services = informers.GetInformer<Service>().Lister;
    private readonly ILister<EndpointSlice> _slices = informers.GetInformer<EndpointSlice>().Lister;
    private readonly ILister<Pod> _pods = informers.GetInformer<Pod>().Lister;
    private readonly ILister<Node> _nodes = informers.GetInformer<Node>().Lister;
    private readonly IKubernetesClient _client = client.WithFieldManager("endpointslice-controller");

    public static void Configure(ControllerBuilder<Service> controller) =>
        controller.WithName("endpointslice").WithConcurrency(3)
            .Watches<Pod>(ServicePods.ServicesOfNamespace)
            .Watches<EndpointSlice>(ServiceOf);

    public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        var service = _services.Get(request.Namespace, request.Name);
        var existing = EndpointSliceSync.Owned(_slices, request.Namespace, request.Name, ManagedBy);
        if (service is null || !ServicePods.HasSelector(service) || service.Metadata?.DeletionTimestamp is not null)
        {
            await EndpointSliceSync.DeleteAllAsync(_client, existing, cancellationToken).ConfigureAwait(false);
            return ReconcileResult.Done;
        }

        var desired = EndpointSliceSync.Split(Endpoints(service, ServicePods.Selected(service, _pods), _nodes));
        await EndpointSliceSync.ApplyAsync(_client, existing, desired, Template(service), cancellationToken).ConfigureAwait(false);
        return ReconcileResult.Done;
    }

    /// <summary>Every eligible IPv4 pod (terminating ones too) as a slice endpoint with the ports it resolves.</summary>
    internal static IEnumerable<(IList<DiscoveryPort> Ports, Endpoint Endpoint)> Endpoints(Service service, IEnumerable<Pod> pods, ILister<Node> nodes)
    {
        var publishNotReady = service.Spec?.PublishNotReadyAddresses == true;
        var servicePorts = service.Spec?.Ports ?? [];
        foreach (var pod in pods.Where(p => ServicePods.IsEligible(p, includeTerminating: true)))
        {
            var ip = pod.Status!.PodIP!; // eligible pods have an IP
            if (ip.Contains(':', StringComparison.Ordinal))
            {
                continue;
            }

            var ports = servicePorts
                .Select(p => (Port: p, Number: ServicePods.TargetPort(p, pod)))
                .Where(p => p.Number is not null)
                .Select(p => new DiscoveryPort { Name = p.Port.Name ?? "", Port = p.Number, Protocol = p.Port.Protocol ?? "TCP", AppProtocol = p.Port.AppProtocol })
                .ToList();
            if (ports.Count == 0 && servicePorts.Count > 0)
            {
                continue;
            }

            var terminating = ServicePods.IsTerminating(pod);
            var ready = ServicePods.IsReady(pod);
            var nodeName = pod.Spec?.NodeName;
            string? zone = null;
            if (nodeName is { Length: > 0 } && nodes.Get(null, nodeName)?.Metadata?.Labels is { } labels)
            {
                labels.TryGetValue(ZoneLabel, out zone);
            }

            yield return (ports, new Endpoint
            {
                Addresses = [ip],
                Conditions = new EndpointConditions
                {
                    Ready = publishNotReady || (ready && !terminating),
                    Serving = publishNotReady || ready,
                    Terminating = terminating,
                },
                Hostname = ServicePods.Hostname(pod, service),
                NodeName = nodeName,
                Zone = zone,
                TargetRef = ServicePods.Reference(pod),
            });
        }
    }

    private static ObjectMeta Template(Service service)
    {
        var labels = new Dictionary<string, string>(service.Metadata?.Labels ?? new Dictionary<string, string>())
        {
            [EndpointSliceSync.ServiceNameLabel] = service.Metadata?.Name ?? "",
            [EndpointSliceSync.ManagedByLabel] = ManagedBy,
        };
        if (ServicePods.IsHeadless(service))
        {
            labels["service.kubernetes.io/headless"] = "";
        }

        return new ObjectMeta
        {
            GenerateName = EndpointSliceSync.GenerateName(service.Metadata?.Name ?? ""),
            Namespace = service.Metadata?.Namespace,
            Labels = labels,
            OwnerReferences = [ControllerRefs.For(service)],
        };
    }

    private static IEnumerable<ReconcileRequest> ServiceOf(EndpointSlice slice, IServiceProvider services) =>
        slice.Metadata?.Labels is { } labels && labels.TryGetValue(EndpointSliceSync.ManagedByLabel, out var manager) && manager == ManagedBy
            && labels.TryGetValue(EndpointSliceSync.ServiceNameLabel, out var name)
            ? [new ReconcileRequest(slice.Metadata.Namespace ?? "", name)]
            : [];
}
