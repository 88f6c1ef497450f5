using System.Collections.Concurrent;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SuperKube.Api;
using SuperKube.Client;
using SuperKube.Objects;
using SuperKube.Runtime.Containers;
using SuperKube.Runtime.Diagnostics;
using SuperKube.Runtime.Dns;

namespace SuperKube.Runtime.Agent;

/// <summary>
/// One node: registers the Node, renews its Lease and reports NodeStatus on the shared <see cref="HeartbeatScheduler"/>,
/// and runs a <see cref="PodWorker"/> per pod bound to it (fed by a pod watch the owner runs).
/// </summary>
internal sealed partial class NodeAgent : IAsyncDisposable
{
    private readonly NodeAgentOptions _options;
    private readonly IKubernetesClient _client;
    private readonly IContainerRuntime _runtime;
    private readonly HeartbeatScheduler _heartbeats;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly PodDnsConfigurer? _dns;
    private readonly ConcurrentDictionary<string, PodWorker> _workers = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private PodWorkerContext? _context;
    private IDisposable? _heartbeat;
    private string _runtimeVersion = "";
    private DateTimeOffset _lastStatusReport = DateTimeOffset.MinValue;
    private string? _nodeUid;
    private int _swept;

    public NodeAgent(
        NodeAgentOptions options, IKubernetesClient client, IContainerRuntime runtime, HeartbeatScheduler heartbeats, TimeProvider time, ILogger logger, PodDnsConfigurer? dns = null)
    {
        _dns = dns;
        _options = options;
        _client = client.WithFieldManager("kubelet");
        _runtime = runtime;
        _heartbeats = heartbeats;
        _time = time;
        _logger = logger;
    }

    public string NodeName => _options.NodeName;

    public string PodCidr { get; private set; } = "";

    public string Address { get; private set; } = "";

    public int PodCount => _workers.Count;

    /// <summary>The streaming endpoint advertised in the Node. Default: <see cref="DaemonEndpoint.InProcess"/>.</summary>
    public DaemonEndpoint DaemonEndpoint { get; init; } = DaemonEndpoint.InProcess;

    /// <summary>The runtime this node's containers run on (for the streaming endpoints).</summary>
    internal IContainerRuntime Runtime => _runtime;

    internal PodWorker? Worker(string uid) => _workers.TryGetValue(uid, out var worker) ? worker : null;

    /// <summary>Registers the node and its lease, and joins the heartbeat wheel.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var version = await _runtime.GetVersionAsync(cancellationToken).ConfigureAwait(false);
        _runtimeVersion = version.ToString();
        Address = _options.Address ?? DetectAddress();
        PodCidr = _options.PodCidr ?? await PickPodCidrAsync(cancellationToken).ConfigureAwait(false);
        await RegisterAsync(cancellationToken).ConfigureAwait(false);
        await RenewLeaseAsync(cancellationToken).ConfigureAwait(false);
        _context = new PodWorkerContext
        {
            Client = _client,
            Runtime = _runtime,
            Time = _time,
            Events = new PodEventRecorder(_client, NodeName, _time, _logger),
            Ips = new PodIpAllocator(PodCidr),
            NodeName = NodeName,
            HostIp = Address,
            RuntimeName = version.Name,
            RootDirectory = _options.RootDirectory ?? Path.Combine(Path.GetTempPath(), "superkube", NodeName),
            Logger = _logger,
            Dns = _dns,
        };
        _heartbeat = _heartbeats.Register(BeatAsync, _options.HeartbeatInterval);
        Log.Registered(_logger, NodeName, PodCidr, Address);
    }

    /// <summary>Like <see cref="StartAsync"/>, retrying every 2 seconds until the API server takes the registration.</summary>
    public async Task StartWithRetryAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await StartAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Log.RegistrationFailed(_logger, NodeName, ex);
                await Task.Delay(TimeSpan.FromSeconds(2), _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The pods bound to this node as a (re)list returned them: workers for new ones, deletion for missing ones.</summary>
    public void OnPodsListed(IEnumerable<JsonObject> pods) => OnPodsListed(pods.Select(PodSnapshot.From));

    /// <inheritdoc cref="OnPodsListed(IEnumerable{JsonObject})"/>
    internal void OnPodsListed(IEnumerable<PodSnapshot> pods)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pod in pods)
        {
            seen.Add(pod.Uid);
            Upsert(pod);
        }

        foreach (var (uid, worker) in _workers)
        {
            if (!seen.Contains(uid))
            {
                worker.MarkDeleted();
            }
        }

        if (_context is not null && Interlocked.Exchange(ref _swept, 1) == 0)
        {
            _ = RemoveOrphansAsync(_stopping.Token);
        }
    }

    public void OnPodEvent(WatchEvent e) => OnPodEvent(e.Type, PodSnapshot.From(e));

    /// <inheritdoc cref="OnPodEvent(WatchEvent)"/>
    internal void OnPodEvent(string type, PodSnapshot pod)
    {
        if (type is "ADDED" or "MODIFIED")
        {
            Upsert(pod);
        }
        else if (type == "DELETED" && _workers.TryGetValue(pod.Uid, out var worker))
        {
            worker.MarkDeleted();
        }
    }

    /// <summary>Renews the lease, and reports the node status when the report interval has passed.</summary>
    public async Task BeatAsync(CancellationToken cancellationToken)
    {
        await RenewLeaseAsync(cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        if (now - _lastStatusReport >= _options.StatusReportInterval)
        {
            await ReportStatusAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _heartbeat?.Dispose();
        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var worker in _workers.Values)
        {
            await worker.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    private void Upsert(PodSnapshot pod)
    {
        if (_context is null)
        {
            return;
        }

        if (_workers.TryGetValue(pod.Uid, out var existing))
        {
            existing.Update(pod);
            return;
        }

        var worker = new PodWorker(_context, pod);
        if (_workers.TryAdd(pod.Uid, worker))
        {
            worker.Start(_stopping.Token);
            _ = RemoveWhenDoneAsync(worker);
        }
    }

    /// <summary>
    /// Once, after the first pod list: removes the sandboxes this node's containers run in when their pod no longer
    /// exists (deleted while the agent was down). Pods that do exist are adopted by their workers instead.
    /// </summary>
    private async Task RemoveOrphansAsync(CancellationToken cancellationToken)
    {
        try
        {
            var mine = await _runtime.ListContainersAsync(new Dictionary<string, string>(StringComparer.Ordinal) { [ContainerLabels.Node] = NodeName }, cancellationToken)
                .ConfigureAwait(false);
            foreach (var orphans in mine.Where(c => !c.Labels.TryGetValue(ContainerLabels.PodUid, out var uid) || !_workers.ContainsKey(uid)).GroupBy(c => c.SandboxId))
            {
                foreach (var container in orphans)
                {
                    await _runtime.RemoveContainerAsync(container.Id, cancellationToken).ConfigureAwait(false);
                }

                await _runtime.RemoveSandboxAsync(orphans.Key, cancellationToken).ConfigureAwait(false);
                Log.OrphanRemoved(_logger, NodeName, orphans.Key, orphans.Count());
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception ex)
        {
            Log.OrphanSweepFailed(_logger, NodeName, ex);
        }
    }

    private async Task RemoveWhenDoneAsync(PodWorker worker)
    {
        try
        {
            await worker.Completion.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (worker.Finished)
        {
            _workers.TryRemove(worker.Uid, out _);
            await worker.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task RegisterAsync(CancellationToken cancellationToken)
    {
        var node = NodeObject.Build(_options, PodCidr, Address, DaemonEndpoint, _runtimeVersion, _time.GetUtcNow());
        JsonObject stored;
        try
        {
            stored = await _client.CreateAsync(ApiResource.Nodes, null, node, cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException ex) when (ex.Code == 409)
        {
            var patch = new JsonObject { ["metadata"] = NodeObject.MetadataPatch(_options, DaemonEndpoint) };
            stored = await _client.PatchAsync(ApiResource.Nodes, null, NodeName, PatchType.Merge, patch, "", cancellationToken).ConfigureAwait(false);
            if ((stored["spec"] as JsonObject)?["podCIDR"] is JsonValue cidr && cidr.TryGetValue<string>(out var existing) && existing.Length > 0)
            {
                PodCidr = existing;
            }
            else
            {
                var spec = new JsonObject { ["spec"] = new JsonObject { ["podCIDR"] = PodCidr, ["podCIDRs"] = new JsonArray(PodCidr) } };
                stored = await _client.PatchAsync(ApiResource.Nodes, null, NodeName, PatchType.Merge, spec, "", cancellationToken).ConfigureAwait(false);
            }
        }

        _nodeUid = ObjectMetadata.Uid(stored);
        await ReportStatusAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task ReportStatusAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var current = await _client.GetAsync(ApiResource.Nodes, null, NodeName, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            await RegisterAsync(cancellationToken).ConfigureAwait(false); // deleted by someone: register again, as the kubelet does
            return;
        }

        var status = NodeObject.Status(_options, Address, DaemonEndpoint, _runtimeVersion, now, current["status"] as JsonObject);
        await _client.PatchAsync(ApiResource.Nodes, null, NodeName, PatchType.Merge, new JsonObject { ["status"] = status }, "status", cancellationToken)
            .ConfigureAwait(false);
        _lastStatusReport = now;
    }

    private async Task RenewLeaseAsync(CancellationToken cancellationToken)
    {
        var renew = _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var spec = new JsonObject
        {
            ["holderIdentity"] = NodeName,
            ["leaseDurationSeconds"] = (int)_options.LeaseDuration.TotalSeconds,
            ["renewTime"] = renew,
        };
        try
        {
            await _client.PatchAsync(ApiResource.Leases, "kube-node-lease", NodeName, PatchType.Merge, new JsonObject { ["spec"] = spec }, "", cancellationToken)
                .ConfigureAwait(false);
        }
        catch (ApiException ex) when (ex.Code == 404)
        {
            var metadata = new JsonObject { ["name"] = NodeName, ["namespace"] = "kube-node-lease" };
            if (_nodeUid is { Length: > 0 } uid)
            {
                metadata["ownerReferences"] = new JsonArray(new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Node", ["name"] = NodeName, ["uid"] = uid });
            }

            var lease = new JsonObject { ["apiVersion"] = "coordination.k8s.io/v1", ["kind"] = "Lease", ["metadata"] = metadata, ["spec"] = spec.DeepClone() };
            try
            {
                await _client.CreateAsync(ApiResource.Leases, "kube-node-lease", lease, cancellationToken).ConfigureAwait(false);
            }
            catch (ApiException conflict) when (conflict.Code == 409)
            {
                // Created concurrently; the next beat renews it.
            }
        }
    }

    /// <summary>The first /24 of the cluster range that no other node uses (until a node IPAM controller assigns them).</summary>
    private async Task<string> PickPodCidrAsync(CancellationToken cancellationToken)
    {
        var (network, prefix) = PodIpAllocator.Parse(_options.ClusterCidr);
        var nodes = await _client.ListAsync(ApiResource.Nodes, null, null, cancellationToken).ConfigureAwait(false);
        var used = nodes.Items.Where(n => ObjectMetadata.Name(n) != NodeName)
            .Select(n => (string?)(n["spec"] as JsonObject)?["podCIDR"]).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var existing = nodes.Items.FirstOrDefault(n => ObjectMetadata.Name(n) == NodeName);
        if ((string?)(existing?["spec"] as JsonObject)?["podCIDR"] is { Length: > 0 } own)
        {
            return own;
        }

        var blocks = prefix >= 24 ? 1 : 1 << (24 - prefix);
        for (var i = 0; i < blocks; i++)
        {
            var cidr = PodIpAllocator.Format(network + ((uint)i << 8)) + "/24";
            if (!used.Contains(cidr))
            {
                return cidr;
            }
        }

        throw new InvalidOperationException($"no free /24 left in the cluster pod range {_options.ClusterCidr}");
    }

    private static string DetectAddress()
    {
        try
        {
            foreach (var nic in NetworkInterface.GetAllNetworkInterfaces().Where(n => n.OperationalStatus == OperationalStatus.Up
                && n.NetworkInterfaceType != NetworkInterfaceType.Loopback))
            {
                var address = nic.GetIPProperties().UnicastAddresses.FirstOrDefault(a => a.Address.AddressFamily == AddressFamily.InterNetwork);
                if (address is not null)
                {
                    return address.Address.ToString();
                }
            }
        }
        catch (NetworkInformationException)
        {
            // Fall back to loopback below.
        }

        return "127.0.0.1";
    }

    private static partial class Log
    {
        [LoggerMessage(RuntimeEventIds.NodeAgent, LogLevel.Information, "Node {Node} registered (podCIDR {PodCidr}, address {Address})")]
        public static partial void Registered(ILogger logger, string node, string podCidr, string address);

        [LoggerMessage(RuntimeEventIds.NodeAgent + 2, LogLevel.Warning, "Registering node {Node} failed; retrying")]
        public static partial void RegistrationFailed(ILogger logger, string node, Exception exception);

        [LoggerMessage(RuntimeEventIds.NodeAgent + 3, LogLevel.Information, "Node {Node}: removed sandbox {Sandbox} and its {Count} container(s); their pod no longer exists")]
        public static partial void OrphanRemoved(ILogger logger, string node, string sandbox, int count);

        [LoggerMessage(RuntimeEventIds.NodeAgent + 4, LogLevel.Warning, "Node {Node}: could not remove containers of deleted pods")]
        public static partial void OrphanSweepFailed(ILogger logger, string node, Exception exception);
    }
}
