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
        var inNamespace = (await reader.ListAsync(quotas, request.Namespace, new ListOptions { ResourceVersion = "0" }, cancellationToken).ConfigureAwait(false)).Items;
        foreach (var cached in inNamespace)
        {
            var quota = JsonNode.Parse(cached.Json.Span)!.AsObject();
            var hard = Hard(quota).Where(h => QuotaResources.Counts(h.Key, request.Resource)).ToList();
            if (hard.Count > 0)
            {
                await CheckAsync(request, obj, ObjectMetadata.Name(quota), hard, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task CheckAsync(AdmissionRequest request, JsonObject obj, string quotaName, List<KeyValuePair<string, decimal>> hard, CancellationToken cancellationToken)
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

        var existing = (await reader.ListAsync(request.Resource, request.Namespace, new ListOptions { ResourceVersion = "0" }, cancellationToken).ConfigureAwait(false)).Items
            .Select(c => JsonNode.Parse(c.Json.Span)!.AsObject())
            .ToList();
        var exceeded = new List<(string Name, decimal Requested, decimal Used, decimal Limit)>();
        foreach (var (name, limit) in hard)
        {
            var requested = QuotaUsage.Of(name, request.Resource, obj);
            if (requested == 0)
            {
                continue;
            }

            var used = existing.Sum(e => QuotaUsage.Of(name, request.Resource, e));
            if (used + requested > limit)
            {
                exceeded.Add((name, requested, used, limit));
            }
        }

        if (exceeded.Count > 0)
        {
            string List(Func<(string Name, decimal Requested, decimal Used, decimal Limit), decimal> pick) =>
                string.Join(",", exceeded.Select(e => $"{e.Name}={QuotaQuantity.Format(e.Name, pick(e))}"));
            throw ApiException.Forbidden(request.Resource, request.Name,
                $"exceeded quota: {quotaName}, requested: {List(e => e.Requested)}, used: {List(e => e.Used)}, limited: {List(e => e.Limit)}");
        }
    }

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
