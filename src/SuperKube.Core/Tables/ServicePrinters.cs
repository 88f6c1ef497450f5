using System.Globalization;
using System.Text.Json.Nodes;
using static SuperKube.Tables.JsonValues;

namespace SuperKube.Tables;

/// <summary>The tables of services, endpoints and endpoint slices.</summary>
internal static class ServicePrinters
{
    /// <summary>Name, Type, Cluster-IP, External-IP, Port(s), Age; wide: Selector.</summary>
    public static readonly TableDefinition Services = new(
        [
            TableColumns.Name,
            TableColumns.Text("Type", "How the service is exposed: ClusterIP, NodePort, LoadBalancer or ExternalName."),
            TableColumns.Text("Cluster-IP", "Virtual IP address of the service inside the cluster."),
            TableColumns.Text("External-IP", "Addresses the service is reachable at from outside the cluster."),
            TableColumns.Text("Port(s)", "Ports of the service, with node ports where allocated."),
            TableColumns.Age,
            TableColumns.Text("Selector", "Labels of the pods the service routes traffic to.", 1),
        ],
        static (svc, now) =>
        [
            ObjectCells.Name(svc),
            Text(svc, "spec", "type"),
            Strings(svc, "spec", "clusterIPs") is [var first, ..] ? first : "<none>",
            ExternalIP(svc),
            Ports(svc),
            ObjectCells.Age(svc, now),
            LabelSelectorText.Labels(Get(svc, "spec", "selector")),
        ]);

    /// <summary>Name, Endpoints, Age.</summary>
    public static readonly TableDefinition Endpoints = new(
        [
            TableColumns.Name,
            TableColumns.Text("Endpoints", "Addresses and ports backing the service, first few only."),
            TableColumns.Age,
        ],
        static (ep, now) => [ObjectCells.Name(ep), EndpointAddresses(ep), ObjectCells.Age(ep, now)]);

    /// <summary>Name, AddressType, Ports, Endpoints, Age.</summary>
    public static readonly TableDefinition EndpointSlices = new(
        [
            TableColumns.Name,
            TableColumns.Text("AddressType", "Address family of the endpoints: IPv4, IPv6 or FQDN."),
            TableColumns.Text("Ports", "Ports exposed by the endpoints, first few only."),
            TableColumns.Text("Endpoints", "Endpoint addresses, first few only."),
            TableColumns.Age,
        ],
        static (slice, now) =>
        [
            ObjectCells.Name(slice),
            Text(slice, "addressType"),
            SlicePorts(slice),
            SliceAddresses(slice),
            ObjectCells.Age(slice, now),
        ]);

    /// <summary>The External-IP cell for each service type.</summary>
    public static string ExternalIP(JsonObject svc)
    {
        var externalIPs = Strings(svc, "spec", "externalIPs");
        switch (Str(svc, "spec", "type"))
        {
            case "ClusterIP" or "NodePort":
                return externalIPs.Count > 0 ? string.Join(",", externalIPs) : "<none>";
            case "LoadBalancer":
                var ingress = ObjectList(svc, "status", "loadBalancer", "ingress")
                    .Select(i => Str(i, "ip") is { Length: > 0 } ip ? ip : Text(i, "hostname"))
                    .Where(a => a.Length > 0)
                    .Distinct(StringComparer.Ordinal)
                    .Order(StringComparer.Ordinal);
                var all = ingress.Concat(externalIPs).ToList();
                return all.Count > 0 ? string.Join(",", all) : "<pending>";
            case "ExternalName":
                return Text(svc, "spec", "externalName");
            default:
                return "<unknown>";
        }
    }

    /// <summary>The Port(s) cell: <c>80/TCP,443:30443/TCP</c>, or <c>&lt;none&gt;</c>.</summary>
    public static string Ports(JsonObject svc)
    {
        var ports = ObjectList(svc, "spec", "ports").Select(p =>
        {
            var protocol = Str(p, "protocol") ?? "TCP";
            var nodePort = Int(p, "nodePort");
            return nodePort > 0 ? $"{Int(p, "port")}:{nodePort}/{protocol}" : $"{Int(p, "port")}/{protocol}";
        }).ToList();
        return ports.Count > 0 ? string.Join(",", ports) : "<none>";
    }

    /// <summary>The Endpoints cell of an Endpoints object: <c>ip:port</c> for each address and port.</summary>
    public static string EndpointAddresses(JsonObject ep)
    {
        var subsets = ObjectList(ep, "subsets");
        if (subsets.Count == 0)
        {
            return "<none>";
        }

        var shown = new List<string>();
        var total = 0;
        foreach (var subset in subsets)
        {
            var addresses = ObjectList(subset, "addresses").Select(a => Text(a, "ip")).ToList();
            var ports = ObjectList(subset, "ports");
            if (ports.Count == 0)
            {
                total += addresses.Count;
                shown.AddRange(addresses.Take(ListText.Shown - shown.Count));
                continue;
            }

            foreach (var port in ports)
            {
                total += addresses.Count;
                var portText = Int(port, "port").ToString(CultureInfo.InvariantCulture);
                shown.AddRange(addresses.Take(ListText.Shown - shown.Count).Select(ip => HostPort(ip, portText)));
            }
        }

        return ListText.Join(shown, total, "");
    }

    private static string HostPort(string ip, string port) => ip.Contains(':', StringComparison.Ordinal) ? $"[{ip}]:{port}" : $"{ip}:{port}";

    private static string SlicePorts(JsonObject slice)
    {
        var ports = ObjectList(slice, "ports")
            .Select(p => IntOrNull(p, "port")?.ToString(CultureInfo.InvariantCulture) ?? Str(p, "name") ?? "*")
            .ToList();
        return ListText.Join(ports, "<unset>");
    }

    private static string SliceAddresses(JsonObject slice)
    {
        var addresses = ObjectList(slice, "endpoints").SelectMany(e => Strings(e, "addresses")).ToList();
        return ListText.Join(addresses, "<unset>");
    }
}
