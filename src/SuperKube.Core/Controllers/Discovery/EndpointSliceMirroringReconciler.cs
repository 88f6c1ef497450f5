using SuperKube.Client;
using SuperKube.Controllers.Informers;
using SuperKube.Model.Core;
using SuperKube.Model.Discovery;
using SuperKube.Model.Meta;
using DiscoveryPort = SuperKube.Model.Discovery.EndpointPort;

namespace SuperKube.Controllers.Discovery;

/// <summary>
/// The EndpointSlice mirroring controller: copies hand-made Endpoints of a Service without a selector into
/// EndpointSlices (ready addresses as ready endpoints, not-ready ones as not ready), unless the Endpoints carry
/// <c>endpointslice.kubernetes.io/skip-mirror: "true"</c>. The slices are owned by the Endpoints.
/// </summary>
internal sealed class EndpointSliceMirroringReconciler(ISharedInformerFactory informers, IKubernetesClient client) : IReconciler<Endpoints>
{
    public const string ManagedBy = "endpointslicemirroring-controller.k8s.io";

    private readonly ILister<Service> _services = informers.GetInformer<Service>().Lister;
    private readonly ILister<Endpoints> _endpoints = informers.GetInformer<Endpoints>().Lister;
    private readonly ILister<EndpointSlice> _slices = informers.GetInformer<EndpointSlice>().Lister;
    private readonly IKubernetesClient _client = client.WithFieldManager("endpointslicemirroring-controller");

    public static void Configure(ControllerBuilder<Endpoints> controller) =>
        controller.WithName("endpointslice-mirroring").WithConcurrency(2)
            .Watches<Service>((s, _) => [new ReconcileRequest(s.Metadata?.Namespace ?? "", s.Metadata?.Name ?? "")])
            .Watches<EndpointSlice>(EndpointsOf);

    public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        var endpoints = _endpoints.Get(request.Namespace, request.Name);
        var service = _services.Get(request.Namespace, request.Name);
        var existing = EndpointSliceSync.Owned(_slices, request.Namespace, request.Name, ManagedBy);
        if (endpoints is null || service is null || ServicePods.HasSelector(service)
            || endpoints.Metadata?.Labels?.TryGetValue(EndpointSliceSync.SkipMirrorLabel, out var skip) == true && skip == "true")
        {
            await EndpointSliceSync.DeleteAllAsync(_client, existing, cancellationToken).ConfigureAwait(false);
            return ReconcileResult.Done;
        }

        var desired = EndpointSliceSync.Split(Mirror(endpoints));
        await EndpointSliceSync.ApplyAsync(_client, existing, desired, Template(endpoints), cancellationToken).ConfigureAwait(false);
        return ReconcileResult.Done;
    }

    /// <summary>Each subset's IPv4 addresses as endpoints carrying the subset's ports.</summary>
    internal static IEnumerable<(IList<DiscoveryPort> Ports, Endpoint Endpoint)> Mirror(Endpoints endpoints)
    {
        foreach (var subset in endpoints.Subsets ?? [])
        {
            IList<DiscoveryPort> ports = [.. (subset.Ports ?? []).Select(p =>
                new DiscoveryPort { Name = p.Name ?? "", Port = p.Port, Protocol = p.Protocol ?? "TCP", AppProtocol = p.AppProtocol })];
            var addresses = (subset.Addresses ?? []).Select(a => (Address: a, Ready: true))
                .Concat((subset.NotReadyAddresses ?? []).Select(a => (Address: a, Ready: false)));
            foreach (var (address, ready) in addresses)
            {
                if (address.Ip is not { Length: > 0 } ip || ip.Contains(':', StringComparison.Ordinal))
                {
                    continue;
                }

                yield return (ports, new Endpoint
                {
                    Addresses = [ip],
                    Conditions = new EndpointConditions { Ready = ready, Serving = ready, Terminating = false },
                    Hostname = address.Hostname,
                    NodeName = address.NodeName,
                    TargetRef = address.TargetRef,
                });
            }
        }
    }

    private static ObjectMeta Template(Endpoints endpoints)
    {
        var labels = new Dictionary<string, string>(endpoints.Metadata?.Labels ?? new Dictionary<string, string>())
        {
            [EndpointSliceSync.ServiceNameLabel] = endpoints.Metadata?.Name ?? "",
            [EndpointSliceSync.ManagedByLabel] = ManagedBy,
        };
        return new ObjectMeta
        {
            GenerateName = EndpointSliceSync.GenerateName(endpoints.Metadata?.Name ?? ""),
            Namespace = endpoints.Metadata?.Namespace,
            Labels = labels,
            OwnerReferences = [ControllerRefs.For(endpoints)],
        };
    }

    private static IEnumerable<ReconcileRequest> EndpointsOf(EndpointSlice slice, IServiceProvider services) =>
        slice.Metadata?.Labels is { } labels && labels.TryGetValue(EndpointSliceSync.ManagedByLabel, out var manager) && manager == ManagedBy
            && labels.TryGetValue(EndpointSliceSync.ServiceNameLabel, out var name)
            ? [new ReconcileRequest(slice.Metadata.Namespace ?? "", name)]
            : [];
}
