using System.Text.Json.Nodes;
using SuperKube.Client;
using SuperKube.Controllers.Informers;
using SuperKube.Model.Core;
using SuperKube.Model.Meta;

namespace SuperKube.Controllers.Discovery;

/// <summary>
/// The endpoints controller: keeps the Endpoints of every Service with a selector equal to its pods' addresses —
/// ready pods under <c>addresses</c>, the others under <c>notReadyAddresses</c> (all under <c>addresses</c> with
/// publishNotReadyAddresses), terminating and finished pods left out, named target ports resolved per pod. The
/// Endpoints of a deleted Service are deleted.
/// </summary>
internal sealed class EndpointsReconciler(ISharedInformerFactory informers, IKubernetesClient client) : IReconciler<Service>
{
    public const string FieldManager = "endpoint-controller";

    private readonly ILister<Service> _services = informers.GetInformer<Service>().Lister;
    private readonly ILister<Endpoints> _endpoints = informers.GetInformer<Endpoints>().Lister;
    private readonly ILister<Pod> _pods = informers.GetInformer<Pod>().Lister;
    private readonly IKubernetesClient _client = client.WithFieldManager(FieldManager);

    public static void Configure(ControllerBuilder<Service> controller) =>
        controller.WithName("endpoints").WithConcurrency(3).Watches<Pod>(ServicePods.ServicesOfNamespace);

    public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        var service = _services.Get(request.Namespace, request.Name);
        var existing = _endpoints.Get(request.Namespace, request.Name);
        if (service is null)
        {
            if (existing is not null)
            {
                await _client.DeleteAsync(ApiResource.Endpoints, request.Namespace, request.Name, null, cancellationToken).ConfigureAwait(false);
            }

            return ReconcileResult.Done;
        }

        if (!ServicePods.HasSelector(service))
        {
            return ReconcileResult.Done;
        }

        var subsets = Subsets(service, ServicePods.Selected(service, _pods));
        var labels = new Dictionary<string, string>(service.Metadata?.Labels ?? new Dictionary<string, string>());
        if (ServicePods.IsHeadless(service))
        {
            labels["service.kubernetes.io/headless"] = "";
        }

        var desired = new Endpoints
        {
            Metadata = new ObjectMeta { Name = request.Name, Namespace = request.Namespace, Labels = labels },
            Subsets = subsets.Count == 0 ? null : subsets,
        };
        if (existing is null)
        {
            await _client.CreateAsync(desired, cancellationToken).ConfigureAwait(false);
            return ReconcileResult.Done;
        }

        var current = KubernetesClientExtensions.ToJson(existing);
        var wanted = KubernetesClientExtensions.ToJson(desired);
        if (JsonNode.DeepEquals(current["subsets"], wanted["subsets"])
            && JsonNode.DeepEquals(current["metadata"]?["labels"] ?? new JsonObject(), wanted["metadata"]?["labels"]))
        {
            return ReconcileResult.Done;
        }

        var updated = KubernetesClientExtensions.FromJson<Endpoints>(current);
        updated.Metadata!.Labels = labels; // ToJson of a listed object always has metadata
        updated.Subsets = desired.Subsets;
        await _client.UpdateAsync(updated, status: false, cancellationToken).ConfigureAwait(false);
        return ReconcileResult.Done;
    }

    /// <summary>
    /// Groups the pods by the ports they resolve to; each group is one subset with its ready and not-ready
    /// addresses sorted by IP. A headless Service without ports lists the addresses alone.
    /// </summary>
    internal static List<EndpointSubset> Subsets(Service service, IEnumerable<Pod> pods)
    {
        var publishNotReady = service.Spec?.PublishNotReadyAddresses == true;
        var servicePorts = service.Spec?.Ports ?? [];
        var groups = new SortedDictionary<string, (List<EndpointPort> Ports, List<EndpointAddress> Ready, List<EndpointAddress> NotReady)>(StringComparer.Ordinal);
        foreach (var pod in pods.Where(p => ServicePods.IsEligible(p, includeTerminating: false)))
        {
            var ports = new List<EndpointPort>();
            foreach (var port in servicePorts)
            {
                if (ServicePods.TargetPort(port, pod) is { } number)
                {
                    ports.Add(new EndpointPort { Name = port.Name, Port = number, Protocol = port.Protocol ?? "TCP", AppProtocol = port.AppProtocol });
                }
            }

            if (ports.Count == 0 && servicePorts.Count > 0)
            {
                continue;
            }

            var key = string.Join(',', ports.Select(p => $"{p.Name}/{p.Port}/{p.Protocol}"));
            if (!groups.TryGetValue(key, out var group))
            {
                group = (ports, [], []);
                groups[key] = group;
            }

            var address = new EndpointAddress
            {
                Ip = pod.Status!.PodIP, // eligible pods have an IP
                Hostname = ServicePods.Hostname(pod, service),
                NodeName = pod.Spec?.NodeName,
                TargetRef = ServicePods.Reference(pod),
            };
            (publishNotReady || ServicePods.IsReady(pod) ? group.Ready : group.NotReady).Add(address);
        }

        return [.. groups.Values.Select(g => new EndpointSubset
        {
            Addresses = g.Ready.Count == 0 ? null : [.. g.Ready.OrderBy(a => a.Ip, StringComparer.Ordinal)],
            NotReadyAddresses = g.NotReady.Count == 0 ? null : [.. g.NotReady.OrderBy(a => a.Ip, StringComparer.Ordinal)],
            Ports = g.Ports.Count == 0 ? null : g.Ports,
        })];
    }
}
