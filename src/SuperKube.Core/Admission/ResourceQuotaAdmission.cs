using System.Text.Json.Nodes;
using SuperKube.Api;
using SuperKube.Objects;
using SuperKube.Quota;
using SuperKube.Registry;
using SuperKube.Resources;

namespace SuperKube.Admission;

/// <summary>
/// Kubernetes' ResourceQuota plugin for creates: an object that would take a namespace's usage of a quota resource
/// past the quota's hard limit is refused with 403 and upstream's "exceeded quota" message; a pod that lacks a
/// request or limit a compute quota tracks is refused with "failed quota ... must specify". Usage is counted from
/// the objects in the watch cache (the quota controller reports it in the quota's status).
/// </summary>
internal sealed class ResourceQuotaAdmission(IResourceRegistry registry, ResourceReader reader) : IValidatingAdmissionPlugin
{
    public string Name => "ResourceQuota";

    public async ValueTask ValidateAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        if (request is not { Operation: AdmissionOperation.Create, Subresource: "", Object: { } obj } || request.Namespace.Length == 0)
        {
            return;
        }

        var quotas = registry.Find("", "v1", "resourcequotas") ?? throw new InvalidOperationException("resourcequotas are not registered");
        var namespaceQuotas = await ListAsync(quotas, request.Namespace, cancellationToken).ConfigureAwait(false);
        if (namespaceQuotas.Count == 0)
        {
            return; // the common case: nothing to check, so nothing more to allocate per create
        }

        var limits = namespaceQuotas
            .Select(quota => (Name: ObjectMetadata.Name(quota), Hard: Hard(quota).Where(h => QuotaResources.Counts(h.Key, request.Resource)).ToList()))
            .Where(q => q.Hard.Count > 0)
            .ToList();
        if (limits.Count == 0)
        {
            return;
        }

        // The namespace's usage of every tracked name, from one pass over its objects of this resource.
        var names = limits.SelectMany(q => q.Hard.Select(h => h.Key)).Distinct(StringComparer.Ordinal).ToList();
        var requested = QuotaUsage.Of(names, request.Resource, obj);
        var used = names.ToDictionary(n => n, _ => 0m, StringComparer.Ordinal);
        foreach (var existing in await ListAsync(request.Resource, request.Namespace, cancellationToken).ConfigureAwait(false))
        {
            foreach (var (name, amount) in QuotaUsage.Of(names, request.Resource, existing))
            {
                used[name] += amount;
            }
        }

        foreach (var (quotaName, hard) in limits)
        {
            Check(request, obj, quotaName, hard, requested, used);
        }
    }

    private static void Check(
        AdmissionRequest request, JsonObject obj, string quotaName, List<KeyValuePair<string, decimal>> hard,
        Dictionary<string, decimal> requested, Dictionary<string, decimal> used)
    {
        if (request.Resource is { Group: "", Plural: "pods" })
        {
            var missing = hard.Select(h => (h.Key, Containers: string.Join(",", QuotaUsage.MissingFrom(h.Key, obj)))).Where(m => m.Containers.Length > 0).ToList();
            if (missing.Count > 0)
            {
                throw ApiException.Forbidden(request.Resource, request.Name,
                    $"failed quota: {quotaName}: must specify {string.Join("; ", missing.Select(m => $"{m.Key} for: {m.Containers}"))}");
            }
        }

        var exceeded = hard
            .Where(h => requested[h.Key] > 0 && used[h.Key] + requested[h.Key] > h.Value)
            .Select(h => (Name: h.Key, Requested: requested[h.Key], Used: used[h.Key], Limit: h.Value))
            .ToList();
        if (exceeded.Count > 0)
        {
            string List(Func<(string Name, decimal Requested, decimal Used, decimal Limit), decimal> pick) =>
                string.Join(",", exceeded.Select(e => $"{e.Name}={QuotaQuantity.Format(e.Name, pick(e))}"));
            throw ApiException.Forbidden(request.Resource, request.Name,
                $"exceeded quota: {quotaName}, requested: {List(e => e.Requested)}, used: {List(e => e.Used)}, limited: {List(e => e.Limit)}");
        }
    }

    private async Task<List<JsonObject>> ListAsync(ResourceType type, string ns, CancellationToken cancellationToken) =>
        [.. (await reader.ListAsync(type, ns, new ListOptions { ResourceVersion = "0" }, cancellationToken).ConfigureAwait(false)).Items
            .Select(c => JsonNode.Parse(c.Json.Span)!.AsObject())];

    private static IEnumerable<KeyValuePair<string, decimal>> Hard(JsonObject quota)
    {
        foreach (var (name, value) in quota["spec"]?["hard"] as JsonObject ?? [])
        {
            if (Defaulting.ResourceQuantity.TryParse((string?)value, out var limit))
            {
                yield return new(name, limit);
            }
        }
    }
}
