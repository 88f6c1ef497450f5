using System.Text.Json.Nodes;
using static SuperKube.Defaulting.JsonDefaults;

namespace SuperKube.Defaulting;

/// <summary>
/// The QoS class of a pod from its containers' cpu and memory requests and limits: BestEffort when none is set,
/// Guaranteed when every container limits both and requests equal limits, Burstable otherwise.
/// </summary>
internal static class PodQosClass
{
    private static readonly string[] ComputeResources = ["cpu", "memory"];

    public static string Compute(JsonObject? spec)
    {
        var requests = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var limits = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var guaranteed = true;
        foreach (var container in Items(spec, "initContainers").Concat(Items(spec, "containers")))
        {
            var resources = Child(container, "resources");
            AddPositive(Child(resources, "requests"), requests);
            var found = AddPositive(Child(resources, "limits"), limits);
            guaranteed &= found == ComputeResources.Length;
        }

        if (requests.Count == 0 && limits.Count == 0)
        {
            return "BestEffort";
        }

        guaranteed &= requests.Count == limits.Count
            && requests.All(r => limits.TryGetValue(r.Key, out var limit) && limit == r.Value);
        return guaranteed ? "Guaranteed" : "Burstable";
    }

    // Adds the positive cpu/memory quantities of one resource list to the totals; returns how many it found.
    private static int AddPositive(JsonObject? list, Dictionary<string, decimal> totals)
    {
        var found = 0;
        foreach (var name in ComputeResources)
        {
            if (ResourceQuantity.TryParse(Str(list, name), out var value) && value > 0)
            {
                totals[name] = totals.GetValueOrDefault(name) + value;
                found++;
            }
        }

        return found;
    }
}
