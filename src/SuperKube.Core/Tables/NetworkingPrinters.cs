using System.Text.Json.Nodes;
using static SuperKube.Tables.JsonValues;

namespace SuperKube.Tables;

/// <summary>The tables of ingresses, ingress classes and network policies.</summary>
internal static class NetworkingPrinters
{
    /// <summary>Name, Class, Hosts, Address, Ports, Age.</summary>
    public static readonly TableDefinition Ingresses = new(
        [
            TableColumns.Name,
            TableColumns.Text("Class", "Ingress class that handles the ingress."),
            TableColumns.Text("Hosts", "Host names the rules match, first few only."),
            TableColumns.Text("Address", "Addresses of the load balancer serving the ingress."),
            TableColumns.Text("Ports", "Ports the ingress listens on: 80, and 443 with TLS."),
            TableColumns.Age,
        ],
        static (ing, now) => [
            ObjectCells.Name(ing),
            Str(ing, "spec", "ingressClassName") ?? "<none>",
            Hosts(ing),
            string.Join(",", ObjectList(ing, "status", "loadBalancer", "ingress")
                .Select(i => Str(i, "ip") is { Length: > 0 } ip ? ip : Text(i, "hostname"))
                .Where(a => a.Length > 0)
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)),
            Count(ing, "spec", "tls") > 0 ? "80, 443" : "80",
            ObjectCells.Age(ing, now),
        ]);

    /// <summary>Name, Controller, Parameters, Age.</summary>
    public static readonly TableDefinition IngressClasses = new(
        [
            TableColumns.Name,
            TableColumns.Text("Controller", "Controller that implements ingresses of this class."),
            TableColumns.Text("Parameters", "Object holding extra configuration, as kind.group/name."),
            TableColumns.Age,
        ],
        static (obj, now) => [ObjectCells.Name(obj), Text(obj, "spec", "controller"), Parameters(obj), ObjectCells.Age(obj, now)]);

    /// <summary>Name, Pod-Selector, Age.</summary>
    public static readonly TableDefinition NetworkPolicies = new(
        [TableColumns.Name, TableColumns.Text("Pod-Selector", "Pods the policy applies to."), TableColumns.Age],
        static (obj, now) => [ObjectCells.Name(obj), LabelSelectorText.Selector(Get(obj, "spec", "podSelector")), ObjectCells.Age(obj, now)]);

    /// <summary>The first three rule hosts, <c>*</c> when no rule names a host.</summary>
    public static string Hosts(JsonObject ing)
    {
        var rules = ObjectList(ing, "spec", "rules");
        var hosts = new List<string>();
        var more = false;
        foreach (var rule in rules)
        {
            if (hosts.Count == ListText.Shown)
            {
                more = true;
                break;
            }

            if (Str(rule, "host") is { Length: > 0 } host)
            {
                hosts.Add(host);
            }
        }

        if (hosts.Count == 0)
        {
            return "*";
        }

        // Like the real printer, the remainder counts all rules beyond three, with or without a host.
        var text = string.Join(",", hosts);
        return more ? $"{text} + {rules.Count - ListText.Shown} more..." : text;
    }

    private static string Parameters(JsonObject ingressClass)
    {
        if (Object(ingressClass, "spec", "parameters") is not { } parameters)
        {
            return "<none>";
        }

        var kind = Text(parameters, "kind");
        var group = Str(parameters, "apiGroup");
        return (group is null ? kind : kind + "." + group) + "/" + Text(parameters, "name");
    }
}
