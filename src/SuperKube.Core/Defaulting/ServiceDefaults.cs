using System.Text.Json.Nodes;
using static SuperKube.Defaulting.JsonDefaults;

namespace SuperKube.Defaulting;

/// <summary>
/// Defaults of Services, Endpoints and EndpointSlices. Service IP families follow what the real server's allocator
/// fills on a single-stack IPv4 cluster; cluster IPs and node ports themselves are allocated elsewhere.
/// </summary>
internal static class ServiceDefaults
{
    /// <summary>Seconds of ClientIP session affinity when none is given (three hours).</summary>
    private const int ClientIpAffinitySeconds = 10800;

    public static void Service(JsonObject service)
    {
        var spec = Obj(service, "spec");
        SetIfZero(spec, "sessionAffinity", "None");
        SessionAffinityConfig(spec);
        SetIfZero(spec, "type", "ClusterIP");
        foreach (var port in Items(spec, "ports"))
        {
            SetIfZero(port, "protocol", "TCP");
            SetIfZero(port, "targetPort", port["port"]?.DeepClone());
        }

        var type = Str(spec, "type");
        var externallyAccessible = type is "NodePort" or "LoadBalancer" || (type == "ClusterIP" && HasItems(spec, "externalIPs"));
        if (externallyAccessible)
        {
            SetIfZero(spec, "externalTrafficPolicy", "Cluster");
        }

        if (type is "ClusterIP" or "NodePort" or "LoadBalancer")
        {
            SetIfMissing(spec, "internalTrafficPolicy", "Cluster");
            IpFamilies(spec);
        }

        if (type == "LoadBalancer")
        {
            SetIfMissing(spec, "allocateLoadBalancerNodePorts", true);
            foreach (var ingress in Items(Child(Child(service, "status"), "loadBalancer"), "ingress"))
            {
                if (!IsZero(ingress["ip"]))
                {
                    SetIfMissing(ingress, "ipMode", "VIP");
                }
            }
        }
    }

    public static void Endpoints(JsonObject endpoints)
    {
        foreach (var subset in Items(endpoints, "subsets"))
        {
            foreach (var port in Items(subset, "ports"))
            {
                SetIfZero(port, "protocol", "TCP");
            }
        }
    }

    public static void EndpointSlice(JsonObject slice)
    {
        foreach (var port in Items(slice, "ports"))
        {
            SetIfMissing(port, "name", "");
            SetIfMissing(port, "protocol", "TCP");
        }
    }

    private static void SessionAffinityConfig(JsonObject spec)
    {
        var affinity = Str(spec, "sessionAffinity");
        if (affinity == "None")
        {
            spec.Remove("sessionAffinityConfig");
        }
        else if (affinity == "ClientIP")
        {
            var clientIp = Obj(Obj(spec, "sessionAffinityConfig"), "clientIP");
            SetIfMissing(clientIp, "timeoutSeconds", ClientIpAffinitySeconds);
        }
    }

    // Headless services without a selector default to RequireDualStack and list both families; every other
    // service defaults to SingleStack with the family of its first cluster IP (IPv4 when none is given).
    private static void IpFamilies(JsonObject spec)
    {
        var clusterIps = spec["clusterIPs"] is JsonArray ips
            ? ips.Select(ip => ip is JsonValue value && value.TryGetValue<string>(out var text) ? text : "").ToList()
            : [];
        var headless = (Str(spec, "clusterIP") ?? clusterIps.FirstOrDefault()) == "None";
        var selectorless = headless && !HasItems(spec, "selector");
        SetIfMissing(spec, "ipFamilyPolicy", selectorless ? "RequireDualStack" : "SingleStack");

        var families = spec["ipFamilies"] as JsonArray;
        if (families is null || families.Count == 0)
        {
            families = [];
            foreach (var ip in clusterIps.TakeWhile(ip => ip != "None" && ip.Length > 0))
            {
                families.Add(ip.Contains(':', StringComparison.Ordinal) ? "IPv6" : "IPv4");
            }

            if (families.Count == 0)
            {
                families.Add("IPv4");
            }

            spec["ipFamilies"] = families;
        }

        if (selectorless && families.Count == 1 && Str(spec, "ipFamilyPolicy") != "SingleStack")
        {
            families.Add(families[0]?.ToString() == "IPv6" ? "IPv4" : "IPv6");
        }
    }
}
