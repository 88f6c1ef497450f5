using SuperKube.Registry;
using SuperKube.Resources;

namespace SuperKube.Admission.Webhooks;

/// <summary>
/// Decides whether a webhook intercepts a request (upstream's webhook matching): its rules, then its namespace
/// selector (against the namespace's labels, or a Namespace's own labels; cluster-scoped objects always pass), then
/// its object selector (against the new or the old object's labels).
/// </summary>
internal sealed class WebhookMatcher(IResourceRegistry registry, ResourceReader reader)
{
    /// <summary>The resource version the rules matched, or null when the webhook does not intercept the request.</summary>
    public ResourceType? Match(AdmissionWebhook webhook, AdmissionRequest request)
    {
        var matched = MatchRules(webhook, request);
        if (matched is null || !NamespaceMatches(webhook, request))
        {
            return null;
        }

        if (!webhook.ObjectSelector.IsEmpty
            && !(request.Object is { } obj && webhook.ObjectSelector.MatchesObject(obj))
            && !(request.OldObject is { } old && webhook.ObjectSelector.MatchesObject(old)))
        {
            return null;
        }

        return matched;
    }

    private ResourceType? MatchRules(AdmissionWebhook webhook, AdmissionRequest request)
    {
        var operation = AdmissionReview.Operation(request.Operation);
        var namespaced = request.Namespace.Length > 0;
        bool Matches(ResourceType type) =>
            webhook.Rules.Any(r => r.Matches(operation, type.Group, type.Version, type.Plural, request.Subresource, namespaced));

        if (Matches(request.Resource))
        {
            return request.Resource;
        }

        // matchPolicy Equivalent: the same objects served under another version of the group also match.
        return webhook.ExactMatch
            ? null
            : registry.All.FirstOrDefault(t => t.Group == request.Resource.Group && t.Plural == request.Resource.Plural
                && t.Version != request.Resource.Version && Matches(t));
    }

    private bool NamespaceMatches(AdmissionWebhook webhook, AdmissionRequest request)
    {
        if (webhook.NamespaceSelector.IsEmpty)
        {
            return true;
        }

        if (request.Resource is { Group: "", Plural: "namespaces" })
        {
            return (request.Object ?? request.OldObject) is { } ns && webhook.NamespaceSelector.MatchesObject(ns);
        }

        if (request.Namespace.Length == 0)
        {
            return true;
        }

        var namespaces = registry.Find("", "v1", "namespaces");
        var labels = namespaces is null ? null : reader.Find(namespaces, "", request.Namespace)?.Labels;
        return webhook.NamespaceSelector.Matches(labels ?? new Dictionary<string, string>());
    }
}
