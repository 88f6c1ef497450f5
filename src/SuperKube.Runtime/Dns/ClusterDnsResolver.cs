using System.Collections.Immutable;
using System.Net;
using SuperKube.Runtime.ServiceProxy;

namespace SuperKube.Runtime.Dns;

/// <summary>
/// Answers names of the cluster domain from the node's <see cref="ServiceCatalog"/>, following the Kubernetes DNS
/// specification: <c>svc.ns.svc.DOMAIN</c> (A: the cluster IP, or the ready endpoints' IPs when headless; CNAME for
/// ExternalName), <c>host.svc.ns.svc.DOMAIN</c> (an endpoint by hostname or dashed IP),
/// <c>_port._proto.svc.ns.svc.DOMAIN</c> (SRV per named port) and <c>a-b-c-d.ns.pod.DOMAIN</c>. Names that do not exist
/// are NXDOMAIN, names that exist without records of the asked type are answered empty (NODATA). Names outside the
/// domain give null: not ours.
/// </summary>
internal sealed class ClusterDnsResolver(Func<ImmutableDictionary<string, ServiceView>> services, string clusterDomain, uint ttl)
{
    private readonly string _domain = clusterDomain.Trim('.').ToLowerInvariant();

    public string ClusterDomain => _domain;

    /// <summary>The answer for a name in the cluster domain; null for names outside it.</summary>
    public DnsAnswer? Resolve(string name, ushort type)
    {
        var lower = name.TrimEnd('.').ToLowerInvariant();
        string local;
        if (lower == _domain)
        {
            local = "";
        }
        else if (lower.EndsWith("." + _domain, StringComparison.Ordinal))
        {
            local = lower[..^(_domain.Length + 1)];
        }
        else
        {
            return null;
        }

        var labels = local.Length == 0 ? [] : local.Split('.');
        return labels switch
        {
            [] or ["svc"] or ["pod"] => DnsAnswer.NoData,
            [var ns, "svc"] => services().Values.Any(s => s.Namespace == ns) ? DnsAnswer.NoData : DnsAnswer.NameError,
            [var svc, var ns, "svc"] => Service(name, type, ns, svc),
            [var port, var proto, var svc, var ns, "svc"] when port.StartsWith('_') && proto.StartsWith('_') => Srv(name, type, ns, svc, port[1..], proto[1..]),
            [var host, var svc, var ns, "svc"] => Endpoint(name, type, ns, svc, host),
            [var dashed, _, "pod"] => Pod(name, type, dashed),
            _ => DnsAnswer.NameError,
        };
    }

    private DnsAnswer Service(string name, ushort type, string ns, string svc)
    {
        if (!services().TryGetValue(ns + "/" + svc, out var service))
        {
            return DnsAnswer.NameError;
        }

        if (service.Type == "ExternalName" && service.ExternalName is { Length: > 0 } external)
        {
            return type is DnsType.A or DnsType.Aaaa or DnsType.Cname or DnsType.Any
                ? DnsAnswer.Of(new DnsRecord(name, DnsType.Cname, ttl, DnsMessage.NameData(external)))
                : DnsAnswer.NoData;
        }

        if (type is not (DnsType.A or DnsType.Any))
        {
            return DnsAnswer.NoData;
        }

        if (service.ClusterIp is { } clusterIp)
        {
            return DnsAnswer.Of(A(name, clusterIp));
        }

        return service.Headless ? DnsAnswer.Of([.. ReadyAddresses(service).Select(a => A(name, a))]) : DnsAnswer.NoData;
    }

    private DnsAnswer Endpoint(string name, ushort type, string ns, string svc, string host)
    {
        if (!services().TryGetValue(ns + "/" + svc, out var service))
        {
            return DnsAnswer.NameError;
        }

        var addresses = service.Endpoints.Where(e => e.Hostname == host || Dashed(e.Address) == host).Select(e => e.Address).Distinct().ToList();
        if (addresses.Count == 0)
        {
            return DnsAnswer.NameError;
        }

        return type is DnsType.A or DnsType.Any ? DnsAnswer.Of([.. addresses.Select(a => A(name, a))]) : DnsAnswer.NoData;
    }

    private DnsAnswer Srv(string name, ushort type, string ns, string svc, string portName, string proto)
    {
        if (!services().TryGetValue(ns + "/" + svc, out var service))
        {
            return DnsAnswer.NameError;
        }

        var port = service.Ports.FirstOrDefault(p => p.Name.Length > 0 && p.Name == portName
            && string.Equals(p.Protocol.ToString(), proto, StringComparison.OrdinalIgnoreCase));
        if (port is null)
        {
            return DnsAnswer.NameError;
        }

        if (type is not (DnsType.Srv or DnsType.Any))
        {
            return DnsAnswer.NoData;
        }

        var serviceName = $"{svc}.{ns}.svc.{_domain}";
        if (service.ClusterIp is { } clusterIp)
        {
            return new DnsAnswer(DnsRcode.NoError, [new DnsRecord(name, DnsType.Srv, ttl, DnsMessage.ServiceData(0, 100, (ushort)port.Port, serviceName))], [A(serviceName, clusterIp)]);
        }

        var targets = service.Endpoints.Where(e => e.Ready)
            .Select(e => (Endpoint: e, Port: e.PortFor(port.Name, port.Protocol)))
            .Where(t => t.Port is not null)
            .DistinctBy(t => t.Endpoint.Address)
            .ToList();
        var weight = (ushort)(targets.Count == 0 ? 0 : Math.Max(1, 100 / targets.Count));
        var records = new List<DnsRecord>();
        var additional = new List<DnsRecord>();
        foreach (var (endpoint, endpointPort) in targets)
        {
            var target = $"{endpoint.Hostname ?? Dashed(endpoint.Address)}.{serviceName}";
            records.Add(new DnsRecord(name, DnsType.Srv, ttl, DnsMessage.ServiceData(0, weight, (ushort)endpointPort!.Value, target))); // filtered above
            additional.Add(A(target, endpoint.Address));
        }

        return new DnsAnswer(DnsRcode.NoError, records, additional);
    }

    private DnsAnswer Pod(string name, ushort type, string dashed)
    {
        if (!IPAddress.TryParse(dashed.Replace('-', '.'), out var address) || address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork
            || dashed.Count(c => c == '-') != 3)
        {
            return DnsAnswer.NameError;
        }

        return type is DnsType.A or DnsType.Any ? DnsAnswer.Of(A(name, address)) : DnsAnswer.NoData;
    }

    private static IEnumerable<IPAddress> ReadyAddresses(ServiceView service) =>
        service.Endpoints.Where(e => e.Ready).Select(e => e.Address).Distinct();

    private DnsRecord A(string name, IPAddress address) => new(name, DnsType.A, ttl, DnsMessage.AddressData(address));

    private static string Dashed(IPAddress address) => address.ToString().Replace('.', '-');
}
