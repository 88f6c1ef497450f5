using System.Text.Json.Nodes;
using static SuperKube.Defaulting.JsonDefaults;

namespace SuperKube.Defaulting;

/// <summary>Defaults of networking.k8s.io/v1 NetworkPolicy and IngressClass.</summary>
internal static class NetworkingDefaults
{
    /// <summary>Policy types default to Ingress, plus Egress when egress rules are given; rule ports default to TCP.</summary>
    public static void NetworkPolicy(JsonObject policy)
    {
        var spec = Obj(policy, "spec");
        if (!HasItems(spec, "policyTypes"))
        {
            var types = new JsonArray("Ingress");
            if (HasItems(spec, "egress"))
            {
                types.Add("Egress");
            }

            spec["policyTypes"] = types;
        }

        foreach (var rule in Items(spec, "ingress").Concat(Items(spec, "egress")))
        {
            foreach (var port in Items(rule, "ports"))
            {
                SetIfMissing(port, "protocol", "TCP");
            }
        }
    }

    public static void IngressClass(JsonObject ingressClass)
    {
        if (Child(Child(ingressClass, "spec"), "parameters") is { } parameters)
        {
            SetIfMissing(parameters, "scope", "Cluster");
        }
    }
}
