using System.Text.Json.Nodes;
using SuperKube.Validation;

namespace SuperKube.Admission.Webhooks;

/// <summary>One entry of a webhook's <c>rules</c>: the operations, API groups, versions, resources and scope it intercepts.</summary>
internal sealed record WebhookRule(
    IReadOnlyList<string> Operations,
    IReadOnlyList<string> ApiGroups,
    IReadOnlyList<string> ApiVersions,
    IReadOnlyList<string> Resources,
    string Scope)
{
    public static WebhookRule Parse(JsonObject rule) => new(
        Strings(rule, "operations"), Strings(rule, "apiGroups"), Strings(rule, "apiVersions"), Strings(rule, "resources"),
        JsonRead.String(rule, "scope") ?? "*");

    /// <summary>
    /// Upstream's rule matcher: every list holds the value or <c>*</c>; a resource entry is <c>plural</c>,
    /// <c>plural/subresource</c>, <c>*</c> (all main resources), <c>*/sub</c> or <c>*/*</c>; the scope compares with
    /// whether the request names a namespace.
    /// </summary>
    public bool Matches(string operation, string group, string version, string plural, string subresource, bool namespaced) =>
        Has(Operations, operation) && Has(ApiGroups, group) && Has(ApiVersions, version)
        && Resources.Any(r => ResourceMatches(r, plural, subresource))
        && Scope switch { "Cluster" => !namespaced, "Namespaced" => namespaced, _ => true };

    private static bool ResourceMatches(string entry, string plural, string subresource)
    {
        var slash = entry.IndexOf('/', StringComparison.Ordinal);
        var (resource, sub) = slash < 0 ? (entry, "") : (entry[..slash], entry[(slash + 1)..]);
        return (resource == "*" || resource == plural) && (sub == "*" || sub == subresource);
    }

    private static bool Has(IReadOnlyList<string> values, string value) => values.Any(v => v == "*" || v == value);

    private static List<string> Strings(JsonObject rule, string key) =>
        JsonRead.Array(rule, key)?.Select(v => JsonRead.Scalar(v) ?? "").ToList() ?? [];
}
