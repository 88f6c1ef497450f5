using System.Collections.Immutable;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SuperKube.Client;
using SuperKube.Model.Core;
using SuperKube.Model.Discovery;
using SuperKube.Objects;
using SuperKube.Runtime.Agent;

namespace SuperKube.Runtime.ServiceProxy;

/// <summary>
/// The node's view of Services and their EndpointSlices, kept current by a list-then-watch of each (through the
/// agent's client, in-process or remote). Every change rebuilds the <see cref="ServiceView"/> of the Service it
/// touches, swaps in a new immutable <see cref="Services"/> map and raises <see cref="Changed"/>; the proxy and the DNS
/// server read that map.
/// </summary>
internal sealed class ServiceCatalog
{
    private const string ServiceNameLabel = "kubernetes.io/service-name";

    private readonly Lock _lock = new();
    private readonly Dictionary<string, JsonObject> _services = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, JsonObject>> _slicesByService = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _servicesListed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _slicesListed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ImmutableDictionary<string, ServiceView> _views = ImmutableDictionary.Create<string, ServiceView>(StringComparer.Ordinal);

    /// <summary>Every Service by <c>namespace/name</c>.</summary>
    public ImmutableDictionary<string, ServiceView> Services => Volatile.Read(ref _views);

    /// <summary>Raised after <see cref="Services"/> changed (on the watch's thread; handlers must be quick).</summary>
    public event Action? Changed;

    /// <summary>Completes once the first list of Services and of EndpointSlices arrived.</summary>
    public Task Synced => Task.WhenAll(_servicesListed.Task, _slicesListed.Task);

    /// <summary>Runs both watches until cancelled.</summary>
    public Task RunAsync(IKubernetesClient client, TimeProvider time, ILogger logger, CancellationToken cancellationToken) =>
        Task.WhenAll(
            ResourceWatchLoop.RunAsync(client, ApiResource.Services, "", OnServicesListed, OnServiceEvent, time, logger, cancellationToken),
            ResourceWatchLoop.RunAsync(client, ApiResource.EndpointSlices, "", OnSlicesListed, OnSliceEvent, time, logger, cancellationToken));

    public void OnServicesListed(IReadOnlyList<JsonObject> services)
    {
        lock (_lock)
        {
            var keys = new HashSet<string>(_services.Keys, StringComparer.Ordinal);
            _services.Clear();
            foreach (var service in services)
            {
                var key = Key(service);
                _services[key] = service;
                keys.Add(key);
            }

            Rebuild(keys);
        }

        _servicesListed.TrySetResult();
        Changed?.Invoke();
    }

    public void OnServiceEvent(WatchEvent e)
    {
        var key = Key(e.Object);
        lock (_lock)
        {
            if (e.Type == "DELETED")
            {
                _services.Remove(key);
            }
            else
            {
                _services[key] = e.Object;
            }

            Rebuild([key]);
        }

        Changed?.Invoke();
    }

    public void OnSlicesListed(IReadOnlyList<JsonObject> slices)
    {
        lock (_lock)
        {
            var keys = new HashSet<string>(_slicesByService.Keys, StringComparer.Ordinal);
            _slicesByService.Clear();
            foreach (var slice in slices)
            {
                if (ServiceKey(slice) is { } key)
                {
                    SlicesOf(key)[ObjectMetadata.Name(slice)] = slice;
                    keys.Add(key);
                }
            }

            Rebuild(keys);
        }

        _slicesListed.TrySetResult();
        Changed?.Invoke();
    }

    public void OnSliceEvent(WatchEvent e)
    {
        if (ServiceKey(e.Object) is not { } key)
        {
            return;
        }

        lock (_lock)
        {
            var slices = SlicesOf(key);
            if (e.Type == "DELETED")
            {
                slices.Remove(ObjectMetadata.Name(e.Object));
            }
            else
            {
                slices[ObjectMetadata.Name(e.Object)] = e.Object;
            }

            if (slices.Count == 0)
            {
                _slicesByService.Remove(key);
            }

            Rebuild([key]);
        }

        Changed?.Invoke();
    }

    private Dictionary<string, JsonObject> SlicesOf(string key)
    {
        if (!_slicesByService.TryGetValue(key, out var slices))
        {
            slices = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
            _slicesByService[key] = slices;
        }

        return slices;
    }

    private void Rebuild(IEnumerable<string> keys)
    {
        var views = _views.ToBuilder();
        foreach (var key in keys)
        {
            if (_services.TryGetValue(key, out var service))
            {
                views[key] = Build(service, _slicesByService.TryGetValue(key, out var slices) ? slices.Values : []);
            }
            else
            {
                views.Remove(key);
            }
        }

        Volatile.Write(ref _views, views.ToImmutable());
    }

    private static ServiceView Build(JsonObject json, IEnumerable<JsonObject> sliceJson)
    {
        var service = KubernetesClientExtensions.FromJson<Service>(json);
        var spec = service.Spec ?? new ServiceSpec();
        var clusterIp = spec.ClusterIP;
        var endpoints = new List<EndpointView>();
        foreach (var slice in sliceJson.Select(KubernetesClientExtensions.FromJson<EndpointSlice>).Where(s => s.AddressType is null or "IPv4"))
        {
            var ports = (slice.Ports ?? []).Where(p => p.Port is not null)
                .Select(p => new EndpointPortView(p.Name ?? "", Protocol(p.Protocol), p.Port!.Value)) // filtered on the line above
                .ToArray();
            foreach (var endpoint in slice.Endpoints ?? [])
            {
                foreach (var text in endpoint.Addresses ?? [])
                {
                    if (IPAddress.TryParse(text, out var address))
                    {
                        endpoints.Add(new EndpointView
                        {
                            Address = address,
                            Ready = endpoint.Conditions?.Ready != false,
                            Serving = endpoint.Conditions?.Serving ?? endpoint.Conditions?.Ready != false,
                            Terminating = endpoint.Conditions?.Terminating == true,
                            NodeName = endpoint.NodeName,
                            Hostname = endpoint.Hostname,
                            Ports = ports,
                        });
                    }
                }
            }
        }

        return new ServiceView
        {
            Namespace = service.Metadata?.Namespace ?? "",
            Name = service.Metadata?.Name ?? "",
            Type = spec.Type ?? "ClusterIP",
            ClusterIp = clusterIp is { Length: > 0 } && IPAddress.TryParse(clusterIp, out var ip) ? ip : null,
            Headless = clusterIp == "None",
            ExternalName = spec.ExternalName,
            Ports = [.. (spec.Ports ?? []).Where(p => p.Port is not null).Select(p => new ServicePortView(p.Name ?? "", Protocol(p.Protocol), p.Port!.Value, p.NodePort ?? 0))],
            IngressIps = [.. (service.Status?.LoadBalancer?.Ingress ?? []).Select(i => IPAddress.TryParse(i.Ip, out var a) ? a : null).OfType<IPAddress>()],
            AffinityTimeout = spec.SessionAffinity == "ClientIP" ? AffinityTimeout(json) : null,
            ExternalLocal = spec.ExternalTrafficPolicy == "Local",
            InternalLocal = spec.InternalTrafficPolicy == "Local",
            Endpoints = endpoints,
        };
    }

    /// <summary><c>sessionAffinityConfig.clientIP.timeoutSeconds</c>, 10800 (3 hours) when unset, as upstream.</summary>
    private static TimeSpan AffinityTimeout(JsonObject service)
    {
        var seconds = ((service["spec"] as JsonObject)?["sessionAffinityConfig"] as JsonObject)?["clientIP"] is JsonObject clientIp
                      && clientIp["timeoutSeconds"] is JsonValue value && value.TryGetValue<int>(out var s) ? s : 10800;
        return TimeSpan.FromSeconds(Math.Max(1, seconds));
    }

    private static ProxyProtocol Protocol(string? protocol) => protocol switch
    {
        "UDP" => ProxyProtocol.Udp,
        "SCTP" => ProxyProtocol.Sctp,
        _ => ProxyProtocol.Tcp,
    };

    private static string Key(JsonObject obj) => ObjectMetadata.Namespace(obj) + "/" + ObjectMetadata.Name(obj);

    private static string? ServiceKey(JsonObject slice) =>
        ((slice["metadata"] as JsonObject)?["labels"] as JsonObject)?[ServiceNameLabel] is JsonValue name && name.TryGetValue<string>(out var service)
            ? ObjectMetadata.Namespace(slice) + "/" + service
            : null;
}
