using System.Text.Json.Nodes;
using SuperKube.Client;
using SuperKube.Model.Core;
using SuperKube.Registry;
using SuperKube.Scheduling.Framework;

namespace SuperKube.Quota;

/// <summary>
/// What one object uses of each quota resource name: 1 for the counts that cover it, and for pods the effective
/// requests and limits (cores for CPU, bytes for memory and storage). Pods that finished (Succeeded/Failed) use nothing.
/// </summary>
internal static class QuotaUsage
{
    /// <summary>What <paramref name="obj"/> uses of each of <paramref name="names"/>; a pod's spec is read once for all of them.</summary>
    public static Dictionary<string, decimal> Of(IEnumerable<string> names, ResourceType type, JsonObject obj)
    {
        var spec = new Lazy<PodSpec>(() => KubernetesClientExtensions.FromJson<Pod>(obj).Spec ?? new PodSpec());
        return names.Distinct(StringComparer.Ordinal).ToDictionary(name => name, name => Of(name, type, obj, spec), StringComparer.Ordinal);
    }

    private static decimal Of(string name, ResourceType type, JsonObject obj, Lazy<PodSpec> spec)
    {
        if (!QuotaResources.Counts(name, type))
        {
            return 0;
        }

        if (type is { Group: "", Plural: "pods" })
        {
            return PodUsage(name, obj, spec);
        }

        return name switch
        {
            "services.nodeports" => NodePorts(obj),
            "services.loadbalancers" => (string?)obj["spec"]?["type"] == "LoadBalancer" ? 1 : 0,
            "requests.storage" => Quantity((string?)obj["spec"]?["resources"]?["requests"]?["storage"]),
            _ => 1,
        };
    }

    /// <summary>The containers of a pod that lack the request or limit a compute quota name needs ("" when none do).</summary>
    public static IEnumerable<string> MissingFrom(string name, JsonObject pod)
    {
        var (kind, resource) = Split(name);
        if (kind is null)
        {
            return [];
        }

        var spec = KubernetesClientExtensions.FromJson<Pod>(pod).Spec;
        return (spec?.InitContainers ?? []).Concat(spec?.Containers ?? [])
            .Where(c => !((kind == "limits" ? c.Resources?.Limits : c.Resources?.Requests)?.ContainsKey(resource) ?? false))
            .Select(c => c.Name ?? "");
    }

    private static decimal PodUsage(string name, JsonObject obj, Lazy<PodSpec> podSpec)
    {
        if ((string?)obj["status"]?["phase"] is "Succeeded" or "Failed")
        {
            return 0;
        }

        var (kind, resource) = Split(name);
        if (kind is null)
        {
            return 1; // pods, count/pods
        }

        var spec = podSpec.Value;
        if (kind == "limits")
        {
            spec = LimitsAsRequests(spec);
        }

        var amount = PodRequests.Compute(spec, nonZero: false).Get(resource);
        return resource == "cpu" ? amount / 1000m : amount;
    }

    /// <summary>(<c>requests</c>|<c>limits</c>, resource) of a compute name; (null, "") for counts. Bare <c>cpu</c>/<c>memory</c> mean requests.</summary>
    private static (string? Kind, string Resource) Split(string name) => name switch
    {
        _ when name.StartsWith("requests.", StringComparison.Ordinal) && name != "requests.storage" => ("requests", name["requests.".Length..]),
        _ when name.StartsWith("limits.", StringComparison.Ordinal) => ("limits", name["limits.".Length..]),
        "cpu" or "memory" or "ephemeral-storage" => ("requests", name),
        _ => (null, ""),
    };

    /// <summary>A copy of the spec whose containers request what they limit, so the requests arithmetic sums limits.</summary>
    private static PodSpec LimitsAsRequests(PodSpec spec)
    {
        var copy = Controllers.ModelJson.Clone(spec);
        foreach (var container in (copy.InitContainers ?? []).Concat(copy.Containers ?? []))
        {
            container.Resources ??= new ResourceRequirements();
            container.Resources.Requests = container.Resources.Limits;
        }

        return copy;
    }

    private static decimal NodePorts(JsonObject service) =>
        (string?)service["spec"]?["type"] is "NodePort" or "LoadBalancer" ? (service["spec"]?["ports"] as JsonArray)?.Count ?? 0 : 0;

    private static decimal Quantity(string? text) => Defaulting.ResourceQuantity.TryParse(text, out var value) ? value : 0;
}
