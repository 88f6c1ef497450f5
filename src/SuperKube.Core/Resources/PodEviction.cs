using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SuperKube.Api;
using SuperKube.Objects;
using SuperKube.Registry;
using SuperKube.Selection;

namespace SuperKube.Resources;

/// <summary>
/// <c>pods/eviction</c> (policy/v1 Eviction): deletes a pod, gracefully, unless that would break its
/// PodDisruptionBudget. An allowed eviction takes one disruption from the budget's status (optimistic concurrency)
/// before the pod is deleted; a refused one is 429 TooManyRequests, which kubectl drain retries.
/// </summary>
internal sealed class PodEviction(IResourceRegistry registry, ResourceReader reader, ResourceWriter writer, TimeProvider time)
{
    public const string BudgetViolated = "Cannot evict pod as it would violate the pod's disruption budget.";

    public async Task EvictAsync(string ns, string name, JsonObject eviction, WriteContext context, CancellationToken cancellationToken)
    {
        var pods = Find("pods", "");
        var cached = reader.Find(pods, ns, name) ?? throw ApiException.NotFound(pods, name);
        var pod = cached.Parse();
        var options = QueryOptions.Delete(QueryCollection.Empty, eviction["deleteOptions"] as JsonObject);
        if (!IgnoresBudgets(pod))
        {
            var budgets = Find("poddisruptionbudgets", "policy");
            var matching = (await reader.ListAsync(budgets, ns, new ListOptions(), cancellationToken).ConfigureAwait(false)).Items
                .Select(b => b.Parse())
                .Where(b => LabelSelector.TryFromJson((b["spec"] as JsonObject)?["selector"] as JsonObject, out var selector, out _) && selector.Matches(cached.Labels))
                .ToList();
            if (matching.Count > 1)
            {
                throw new ApiException(500, "InternalError", "This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.");
            }

            if (matching.Count == 1 && !MayGoWithoutDisruption(pod, matching[0]))
            {
                await TakeDisruptionAsync(budgets, ns, ObjectMetadata.Name(matching[0]), name, context, cancellationToken).ConfigureAwait(false);
            }
        }

        try
        {
            await writer.DeleteAsync(pods, ns, name, options, context, cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException ex) when (ex.Code == 404)
        {
            // Gone meanwhile: the eviction's goal is met.
        }
    }

    /// <summary>Pods that are not running (pending, finished) or already terminating are never protected.</summary>
    private static bool IgnoresBudgets(JsonObject pod) =>
        ObjectMetadata.IsDeleting(pod) || Phase(pod) is "Succeeded" or "Failed" or "Pending";

    /// <summary>
    /// An unready pod may go without using up a disruption: always with the AlwaysAllow policy, otherwise (IfHealthyBudget)
    /// while the budget is met.
    /// </summary>
    private static bool MayGoWithoutDisruption(JsonObject pod, JsonObject budget)
    {
        var ready = ((pod["status"] as JsonObject)?["conditions"] as JsonArray)?.OfType<JsonObject>()
            .Any(c => (string?)c["type"] == "Ready" && (string?)c["status"] == "True") == true;
        if (ready)
        {
            return false;
        }

        var status = budget["status"] as JsonObject;
        return (string?)(budget["spec"] as JsonObject)?["unhealthyPodEvictionPolicy"] == "AlwaysAllow"
            || (Int(status, "currentHealthy") >= Int(status, "desiredHealthy") && Int(status, "desiredHealthy") > 0);
    }

    private async Task TakeDisruptionAsync(ResourceType budgets, string ns, string budget, string pod, WriteContext context, CancellationToken cancellationToken)
    {
        await writer.UpdateAsync(budgets, ns, budget, "status", pdb =>
        {
            var status = pdb["status"] as JsonObject ?? [];
            var generation = ObjectMetadata.Of(pdb)["generation"] is JsonValue g && g.TryGetValue<long>(out var value) ? value : 0;
            if (Int(status, "observedGeneration") < generation)
            {
                throw Refused($"The disruption budget {budget} is still being processed by the server.");
            }

            var allowed = Int(status, "disruptionsAllowed");
            if (allowed <= 0)
            {
                throw Refused($"The disruption budget {budget} needs {Int(status, "desiredHealthy")} healthy pods and has {Int(status, "currentHealthy")} currently");
            }

            status["disruptionsAllowed"] = allowed - 1;
            var disrupted = status["disruptedPods"] as JsonObject ?? [];
            disrupted[pod] = ObjectMetadata.Timestamp(time.GetUtcNow());
            status["disruptedPods"] = disrupted;
            pdb["status"] = status;
            // No resourceVersion: a concurrent change is retried against the fresh budget instead of failing.
            ObjectMetadata.Of(pdb).Remove("resourceVersion");
            return pdb;
        }, context, cancellationToken).ConfigureAwait(false);
    }

    private static ApiException Refused(string why) =>
        new(429, "TooManyRequests", BudgetViolated,
            new JsonObject { ["causes"] = new JsonArray(new JsonObject { ["reason"] = "DisruptionBudget", ["message"] = why }) });

    private ResourceType Find(string plural, string group) =>
        registry.Find(group, "v1", plural) ?? throw new InvalidOperationException($"{plural} are not registered");

    private static string Phase(JsonObject pod) => (string?)(pod["status"] as JsonObject)?["phase"] ?? "";

    private static long Int(JsonObject? obj, string field) => obj?[field] is JsonValue v && v.TryGetValue<long>(out var n) ? n : 0;
}
