using System.Net;
using Microsoft.Extensions.Logging;
using SuperKube.Runtime.Diagnostics;
using SuperKube.Runtime.ServiceProxy.Relay;

namespace SuperKube.Runtime.ServiceProxy;

/// <summary>
/// Keeps one listener per proxied address, port and protocol in line with the <see cref="ServiceCatalog"/>: node ports
/// on <see cref="ServiceProxyOptions.NodePortAddress"/>, LoadBalancer ports on the ingress IPs that are this node's,
/// and (with <see cref="ServiceProxyOptions.ServeClusterIps"/>) cluster IPs. <see cref="Sync"/> runs on every catalog
/// change: new listeners open, gone ones close (flows already forwarded run on), and the others only get their
/// endpoint set swapped, so established connections are never touched.
/// </summary>
internal sealed partial class ServiceProxy : IAsyncDisposable
{
    private readonly ServiceCatalog _catalog;
    private readonly ServiceProxyOptions _options;
    private readonly string _nodeName;
    private readonly LocalAddresses _addresses;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IPAddress _nodePortAddress;
    private readonly ITcpRelay _relay;
    private readonly Lock _lock = new();
    private readonly Dictionary<ListenerKey, Entry> _listeners = [];
    private readonly Dictionary<ListenerKey, string> _failed = [];
    private bool _disposed;

    public ServiceProxy(ServiceCatalog catalog, ServiceProxyOptions options, string nodeName, LocalAddresses addresses, TimeProvider time, ILogger logger)
    {
        _catalog = catalog;
        _options = options;
        _nodeName = nodeName;
        _addresses = addresses;
        _time = time;
        _logger = logger;
        _nodePortAddress = IPAddress.Parse(options.NodePortAddress);
        _relay = options.ZeroCopy && SpliceTcpRelay.IsSupported ? new SpliceTcpRelay(logger) : new CopyTcpRelay();
    }

    /// <summary>How TCP connections are relayed ("splice" or "copy").</summary>
    public string TcpRelay => _relay.Name;

    /// <summary>The listeners open now, by address and port (for tests and the benchmark).</summary>
    public IReadOnlyDictionary<ListenerKey, IProxyListener> Listeners
    {
        get
        {
            lock (_lock)
            {
                return _listeners.ToDictionary(e => e.Key, e => e.Value.Listener);
            }
        }
    }

    /// <summary>Brings the listeners in line with the catalog's Services.</summary>
    public void Sync()
    {
        List<Entry> closing = [];
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            var desired = Desired();

            foreach (var (key, entry) in _listeners.Where(l => !desired.ContainsKey(l.Key)).ToList())
            {
                _listeners.Remove(key);
                closing.Add(entry);
                Log.Closed(_logger, Name(key.Protocol), entry.Listener.LocalEndPoint, entry.Owner);
            }

            foreach (var key in _failed.Keys.Where(k => !desired.ContainsKey(k)).ToList())
            {
                _failed.Remove(key);
            }

            foreach (var (key, target) in desired)
            {
                if (_listeners.TryGetValue(key, out var entry))
                {
                    if (entry.Listener.Backends.Update(target.Endpoints, target.AffinityTimeout))
                    {
                        Log.EndpointsChanged(_logger, Name(key.Protocol), entry.Listener.LocalEndPoint, entry.Owner, target.Endpoints.Count);
                    }

                    continue;
                }

                Open(key, target);
            }
        }

        foreach (var entry in closing)
        {
            _ = entry.Listener.CloseAsync(closeConnections: false).AsTask();
        }
    }

    public async ValueTask DisposeAsync()
    {
        List<Entry> open;
        lock (_lock)
        {
            _disposed = true;
            open = [.. _listeners.Values];
            _listeners.Clear();
        }

        foreach (var entry in open)
        {
            await entry.Listener.DisposeAsync().ConfigureAwait(false);
        }

        _relay.Dispose();

        _addresses.KeepOnly([]);
    }

    private void Open(ListenerKey key, Target target)
    {
        var backends = new ProxyBackends(_time);
        backends.Update(target.Endpoints, target.AffinityTimeout);
        var bind = new IPEndPoint(key.Address, key.Port);
        try
        {
            IProxyListener listener = key.Protocol == ProxyProtocol.Udp
                ? new UdpProxyListener(bind, backends, _options.UdpIdleTimeout, _time, _logger)
                : new TcpProxyListener(bind, backends, _relay, _options.ConnectTimeout, _time, _logger);
            listener.Start();
            _listeners[key] = new Entry(listener, target.Owner);
            _failed.Remove(key);
            Log.Opened(_logger, Name(key.Protocol), bind, target.Owner, target.Endpoints.Count);
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            if (!_failed.TryGetValue(key, out var owner) || owner != target.Owner)
            {
                Log.OpenFailed(_logger, Name(key.Protocol), bind, target.Owner, ex.SocketErrorCode);
            }

            _failed[key] = target.Owner;
        }
    }

    /// <summary>Every address, port and protocol the catalog's Services want served on this node, and their endpoints.</summary>
    private Dictionary<ListenerKey, Target> Desired()
    {
        var desired = new Dictionary<ListenerKey, Target>();
        foreach (var service in _catalog.Services.Values.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var external = service.Type is "NodePort" or "LoadBalancer";
            foreach (var port in service.Ports.Where(p => p.Protocol != ProxyProtocol.Sctp))
            {
                var owner = $"{service.Key}:{(port.Name.Length > 0 ? port.Name : port.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))}";
                if (external && port.NodePort > 0)
                {
                    desired.TryAdd(new ListenerKey(port.Protocol, _nodePortAddress, port.NodePort), TargetOf(service, port, service.ExternalLocal, owner));
                }

                if (service.Type == "LoadBalancer")
                {
                    foreach (var ingress in service.IngressIps.Where(_addresses.IsLocal))
                    {
                        desired.TryAdd(new ListenerKey(port.Protocol, ingress, port.Port), TargetOf(service, port, service.ExternalLocal, owner));
                    }
                }

                if (_options.ServeClusterIps && service.ClusterIp is { } clusterIp && service.Type != "ExternalName" && _addresses.Ensure(clusterIp))
                {
                    desired.TryAdd(new ListenerKey(port.Protocol, clusterIp, port.Port), TargetOf(service, port, service.InternalLocal, owner));
                }
            }
        }

        if (_options.ServeClusterIps)
        {
            _addresses.KeepOnly([.. desired.Keys.Select(k => k.Address)]);
        }

        return desired;
    }

    /// <summary>
    /// The endpoints of a port: ready ones (on this node only when <paramref name="local"/>); when none is ready, the
    /// serving ones that are terminating, as kube-proxy falls back to.
    /// </summary>
    private Target TargetOf(ServiceView service, ServicePortView port, bool local, string owner)
    {
        var candidates = service.Endpoints.Where(e => !local || e.NodeName == _nodeName)
            .Select(e => (Endpoint: e, Port: e.PortFor(port.Name, port.Protocol)))
            .Where(c => c.Port is not null)
            .ToList();
        var ready = candidates.Where(c => c.Endpoint.Ready).ToList();
        var chosen = ready.Count > 0 ? ready : candidates.Where(c => c.Endpoint.Serving && c.Endpoint.Terminating).ToList();
        IPEndPoint[] endpoints = [.. chosen.Select(c => new IPEndPoint(c.Endpoint.Address, c.Port!.Value))]; // filtered to non-null ports above
        return new Target(endpoints, service.AffinityTimeout, owner);
    }

    private static string Name(ProxyProtocol protocol) => protocol == ProxyProtocol.Udp ? "UDP" : "TCP";

    private sealed record Target(IReadOnlyList<IPEndPoint> Endpoints, TimeSpan? AffinityTimeout, string Owner);

    private sealed record Entry(IProxyListener Listener, string Owner);

    private static partial class Log
    {
        [LoggerMessage(RuntimeEventIds.ServiceProxy, LogLevel.Information, "Proxying {Protocol} {Address} for {Service} ({Count} endpoints)")]
        public static partial void Opened(ILogger logger, string protocol, IPEndPoint address, string service, int count);

        [LoggerMessage(RuntimeEventIds.ServiceProxy + 1, LogLevel.Information, "Stopped proxying {Protocol} {Address} for {Service}")]
        public static partial void Closed(ILogger logger, string protocol, IPEndPoint address, string service);

        [LoggerMessage(RuntimeEventIds.ServiceProxy + 3, LogLevel.Debug, "Proxy {Protocol} {Address} for {Service}: now {Count} endpoints")]
        public static partial void EndpointsChanged(ILogger logger, string protocol, IPEndPoint address, string service, int count);

        [LoggerMessage(RuntimeEventIds.ServiceProxy + 2, LogLevel.Warning, "Cannot proxy {Protocol} {Address} for {Service}: {Error}")]
        public static partial void OpenFailed(ILogger logger, string protocol, IPEndPoint address, string service, System.Net.Sockets.SocketError error);
    }
}
