using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using SuperKube.Api;
using SuperKube.Objects;
using SuperKube.Storage;
using SuperKube.Validation;
using SuperKube.WatchCache;

namespace SuperKube.Services;

/// <summary>
/// Gives Services their cluster IPs and node ports on create and update, as the real API server's allocators do:
/// explicit values are checked (in range, free) and reserved, missing ones are taken from the upper part of the
/// range first so the lower band stays free for explicit picks. Failures are 422 Invalid with the upstream messages.
/// </summary>
internal sealed class ServiceAllocator
{
    public const string ClusterIpKey = "superkube.internal/serviceclusterips";
    public const string NodePortKey = "superkube.internal/servicenodeports";

    public ServiceAllocator(IResourceStore store, ResourceWatchCache cache, IOptions<ServiceNetworkOptions> options, TimeProvider time)
    {
        Cidr = Ipv4Cidr.TryParse(options.Value.ServiceCidr, out var cidr) ? cidr : throw new OptionsValidationException(
            nameof(ServiceNetworkOptions), typeof(ServiceNetworkOptions), [$"ServiceCidr '{options.Value.ServiceCidr}' is not an IPv4 CIDR."]);
        NodePortRange = PortRange.TryParse(options.Value.NodePortRange, out var ports) ? ports : throw new OptionsValidationException(
            nameof(ServiceNetworkOptions), typeof(ServiceNetworkOptions), [$"NodePortRange '{options.Value.NodePortRange}' is not a port range."]);
        ClusterIps = new AllocationPool(ClusterIpKey, store, cache, time);
        NodePorts = new AllocationPool(NodePortKey, store, cache, time);
    }

    public Ipv4Cidr Cidr { get; }

    public PortRange NodePortRange { get; }

    public AllocationPool ClusterIps { get; }

    public AllocationPool NodePorts { get; }

    /// <summary>The cluster IP of the <c>kubernetes</c> Service: the first address after the network address.</summary>
    public string KubernetesServiceIp => Cidr.At(1);

    /// <summary>Fills spec.clusterIP(s) and node ports of <paramref name="service"/>; with <paramref name="dryRun"/> nothing is reserved.</summary>
    public async Task AllocateAsync(JsonObject service, JsonObject? old, bool dryRun, CancellationToken cancellationToken)
    {
        var owner = new AllocationOwner(ObjectMetadata.Namespace(service), ObjectMetadata.Name(service), ObjectMetadata.Uid(service));
        var spec = service["spec"] as JsonObject ?? [];
        var oldSpec = old?["spec"] as JsonObject;
        var errors = new List<FieldError>();
        var reserved = new List<(AllocationPool Pool, string Value)>();
        try
        {
            if (JsonRead.String(spec, "type") == "ExternalName")
            {
                foreach (var field in new[] { "clusterIP", "clusterIPs", "ipFamilies", "ipFamilyPolicy" })
                {
                    spec.Remove(field);
                }
            }
            else
            {
                await ClusterIpAsync(spec, oldSpec, owner, dryRun, errors, reserved, cancellationToken).ConfigureAwait(false);
            }

            if (UsesNodePorts(spec))
            {
                await NodePortsAsync(spec, oldSpec, owner, dryRun, errors, reserved, cancellationToken).ConfigureAwait(false);
            }
            else if (UsesNodePorts(oldSpec))
            {
                DropOldNodePorts(spec, oldSpec);
            }
        }
        catch
        {
            await ReleaseAsync(reserved, owner, cancellationToken).ConfigureAwait(false);
            throw;
        }

        if (errors.Count > 0)
        {
            await ReleaseAsync(reserved, owner, CancellationToken.None).ConfigureAwait(false);
            throw ApiException.Invalid("", "Service", owner.Name, errors);
        }
    }

    /// <summary>True when the Service's ports carry node ports: NodePort, and LoadBalancer unless allocateLoadBalancerNodePorts is false.</summary>
    public static bool UsesNodePorts(JsonObject? spec) => JsonRead.String(spec, "type") switch
    {
        "NodePort" => true,
        "LoadBalancer" => JsonRead.Boolean(spec, "allocateLoadBalancerNodePorts") != false,
        _ => false,
    };

    /// <summary>The cluster IPs and node ports a stored Service holds, as record names.</summary>
    public static (HashSet<string> ClusterIps, HashSet<string> NodePorts) Holdings(JsonObject service)
    {
        var spec = service["spec"] as JsonObject;
        var ips = JsonRead.Array(spec, "clusterIPs")?.Select(JsonRead.Scalar).OfType<string>().ToHashSet() ?? [];
        if (JsonRead.String(spec, "clusterIP") is { Length: > 0 } ip)
        {
            ips.Add(ip);
        }

        var ports = JsonRead.Items(JsonRead.Array(spec, "ports"))
            .Select(p => JsonRead.Integer(p.Item, "nodePort") ?? 0).Where(p => p > 0)
            .Select(p => p.ToString(CultureInfo.InvariantCulture)).ToHashSet();
        if (JsonRead.Integer(spec, "healthCheckNodePort") is > 0 and var health)
        {
            ports.Add(health.ToString(CultureInfo.InvariantCulture));
        }

        return (ips, ports);
    }

    private async Task ClusterIpAsync(
        JsonObject spec, JsonObject? oldSpec, AllocationOwner owner, bool dryRun, List<FieldError> errors, List<(AllocationPool, string)> reserved,
        CancellationToken cancellationToken)
    {
        var requested = JsonRead.String(spec, "clusterIP") is { Length: > 0 } single ? single
            : JsonRead.Array(spec, "clusterIPs") is { Count: > 0 } list ? JsonRead.Scalar(list[0]) ?? "" : "";
        var oldIp = JsonRead.String(oldSpec, "type") == "ExternalName" ? "" : JsonRead.String(oldSpec, "clusterIP") ?? "";
        if (requested.Length == 0)
        {
            // An update that leaves the address out keeps it, as upstream fills allocated values back in.
            requested = oldIp;
        }

        string ip;
        if (requested == "None" || (requested.Length > 0 && requested == oldIp))
        {
            ip = requested;
        }
        else if (requested.Length > 0)
        {
            var failure = Cidr.OffsetOf(requested) is not { } offset
                ? System.Net.IPAddress.TryParse(requested, out _)
                    ? $"failed to allocate IP {requested}: the provided IP ({requested}) is not in the valid range. The range of valid IPs is {Cidr}"
                    : "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"
                : offset == 0 || offset == Cidr.Size - 1
                    ? $"failed to allocate IP {requested}: the provided IP ({requested}) is not in the valid range. The range of valid IPs is {Cidr}"
                    : await ReserveAsync(ClusterIps, requested, owner, dryRun, reserved, cancellationToken).ConfigureAwait(false)
                        ? null
                        : $"failed to allocate IP {requested}: provided IP is already allocated";
            if (failure is not null)
            {
                errors.Add(FieldError.Invalid("spec.clusterIPs", GoText.StringSlice([requested]), failure));
                return;
            }

            ip = requested;
        }
        else
        {
            var band = Math.Min(Math.Max(16, Cidr.Size / 16), 256);
            var offset = await NextAsync(ClusterIps, Cidr.Size - 2, band, i => Cidr.At(i + 1), _ => false, owner, dryRun, reserved, cancellationToken).ConfigureAwait(false);
            if (offset is null)
            {
                errors.Add(FieldError.Invalid("spec.clusterIPs", "[]string{}", "failed to allocate a serviceIP: range is full"));
                return;
            }

            ip = Cidr.At(offset.Value + 1);
        }

        spec["clusterIP"] = ip;
        spec["clusterIPs"] = new JsonArray(ip);
    }

    private async Task NodePortsAsync(
        JsonObject spec, JsonObject? oldSpec, AllocationOwner owner, bool dryRun, List<FieldError> errors, List<(AllocationPool, string)> reserved,
        CancellationToken cancellationToken)
    {
        var previous = UsesNodePorts(oldSpec)
            ? JsonRead.Items(JsonRead.Array(oldSpec, "ports")).Where(p => (JsonRead.Integer(p.Item, "nodePort") ?? 0) > 0).ToList()
            : [];
        var held = previous.Select(p => JsonRead.Integer(p.Item, "nodePort") ?? 0).ToHashSet();
        var used = new HashSet<(long Port, string Protocol)>();
        var ours = new HashSet<long>();
        foreach (var (item, i) in JsonRead.Items(JsonRead.Array(spec, "ports")))
        {
            if (item is not JsonObject port)
            {
                continue;
            }

            var protocol = JsonRead.String(port, "protocol") ?? "TCP";
            var nodePort = JsonRead.Integer(port, "nodePort") ?? 0;
            var field = $"spec.ports[{i}].nodePort";
            if (nodePort == 0)
            {
                // Keep what the same port had before; otherwise take a free one.
                nodePort = previous.Select(p => p.Item).OfType<JsonObject>()
                    .Where(p => JsonRead.Integer(p, "port") == JsonRead.Integer(port, "port") && (JsonRead.String(p, "protocol") ?? "TCP") == protocol)
                    .Select(p => JsonRead.Integer(p, "nodePort") ?? 0).FirstOrDefault(p => !used.Contains((p, protocol)));
                if (nodePort == 0)
                {
                    var band = Math.Min(Math.Max(16, NodePortRange.Size / 32), 128);
                    var next = await NextAsync(NodePorts, NodePortRange.Size, band, Port, i => ours.Contains(NodePortRange.First + i), owner, dryRun, reserved, cancellationToken).ConfigureAwait(false);
                    if (next is null)
                    {
                        errors.Add(FieldError.Invalid(field, "0", "failed to allocate a nodePort: range is full"));
                        continue;
                    }

                    nodePort = NodePortRange.First + next.Value;
                }
            }
            else if (!NodePortRange.Contains(nodePort))
            {
                errors.Add(FieldError.Invalid(field, Number(nodePort),
                    $"provided port is not in the valid range. The range of valid ports is {NodePortRange}"));
                continue;
            }
            else if (used.Contains((nodePort, protocol)))
            {
                errors.Add(FieldError.Duplicate(field, Number(nodePort)));
                continue;
            }
            else if (!held.Contains(nodePort) && !ours.Contains(nodePort)
                && !await ReserveAsync(NodePorts, Number(nodePort), owner, dryRun, reserved, cancellationToken).ConfigureAwait(false))
            {
                errors.Add(FieldError.Invalid(field, Number(nodePort), "provided port is already allocated"));
                continue;
            }

            used.Add((nodePort, protocol));
            ours.Add(nodePort);
            port["nodePort"] = nodePort;
        }

        string Port(long index) => Number(NodePortRange.First + index);
    }

    /// <summary>A type change away from NodePort/LoadBalancer drops the node ports the Service had (upstream does the same).</summary>
    private static void DropOldNodePorts(JsonObject spec, JsonObject? oldSpec)
    {
        var held = JsonRead.Items(JsonRead.Array(oldSpec, "ports")).Select(p => JsonRead.Integer(p.Item, "nodePort") ?? 0).Where(p => p > 0).ToHashSet();
        foreach (var port in JsonRead.Items(JsonRead.Array(spec, "ports")).Select(p => p.Item).OfType<JsonObject>())
        {
            if (JsonRead.Integer(port, "nodePort") is { } nodePort && held.Contains(nodePort))
            {
                port.Remove("nodePort");
            }
        }
    }

    private static async Task<bool> ReserveAsync(
        AllocationPool pool, string value, AllocationOwner owner, bool dryRun, List<(AllocationPool, string)> reserved, CancellationToken cancellationToken)
    {
        if (dryRun)
        {
            return pool.CachedOwner(value) is not { } holder || holder.Uid == owner.Uid;
        }

        if (!await pool.TryReserveAsync(value, owner, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        reserved.Add((pool, value));
        return true;
    }

    /// <summary>
    /// Takes a free index in [0, count): a random start in [band, count), wrapping inside that upper part, then the
    /// lower band. Values the cache shows as taken are skipped without a store round trip, and so are those this
    /// request already took (<paramref name="chosen"/>): the cache may not show them yet, and the store would grant them
    /// again to the same owner, giving two ports of one Service the same node port.
    /// </summary>
    private static async Task<long?> NextAsync(
        AllocationPool pool, long count, long band, Func<long, string> name, Func<long, bool> chosen, AllocationOwner owner, bool dryRun,
        List<(AllocationPool, string)> reserved, CancellationToken cancellationToken)
    {
        var taken = pool.Taken();
        band = band < count ? band : 0;
        var upper = count - band;
        var start = Random.Shared.NextInt64(upper);
        for (long i = 0; i < count; i++)
        {
            var index = i < upper ? band + ((start + i) % upper) : i - upper;
            var value = name(index);
            if (taken.Contains(value) || chosen(index))
            {
                continue;
            }

            if (await ReserveAsync(pool, value, owner, dryRun, reserved, cancellationToken).ConfigureAwait(false))
            {
                return index;
            }
        }

        return null;
    }

    private static async Task ReleaseAsync(List<(AllocationPool Pool, string Value)> reserved, AllocationOwner owner, CancellationToken cancellationToken)
    {
        foreach (var (pool, value) in reserved)
        {
            await pool.ReleaseAsync(value, owner, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
