using System.Text.Json.Nodes;

namespace SuperKube.Security.Rbac;

/// <summary>One rule of a Role or ClusterRole.</summary>
internal sealed record PolicyRule(
    IReadOnlyList<string> Verbs,
    IReadOnlyList<string> ApiGroups,
    IReadOnlyList<string> Resources,
    IReadOnlyList<string> ResourceNames,
    IReadOnlyList<string> NonResourceUrls)
{
    public static PolicyRule FromJson(JsonObject rule) =>
        new(Strings(rule, "verbs"), Strings(rule, "apiGroups"), Strings(rule, "resources"), Strings(rule, "resourceNames"), Strings(rule, "nonResourceURLs"));

    public static IReadOnlyList<PolicyRule> FromRole(JsonObject role) =>
        [.. (role["rules"] as JsonArray ?? []).OfType<JsonObject>().Select(FromJson)];

    public JsonObject ToJson()
    {
        var rule = new JsonObject { ["verbs"] = Array(Verbs) };
        if (NonResourceUrls.Count > 0)
        {
            rule["nonResourceURLs"] = Array(NonResourceUrls);
            return rule;
        }

        rule["apiGroups"] = Array(ApiGroups);
        rule["resources"] = Array(Resources);
        if (ResourceNames.Count > 0)
        {
            rule["resourceNames"] = Array(ResourceNames);
        }

        return rule;
    }

    private static JsonArray Array(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)v)]);

    private static string[] Strings(JsonObject obj, string name) =>
        [.. (obj[name] as JsonArray ?? []).Select(v => v is JsonValue value && value.TryGetValue<string>(out var s) ? s : null).OfType<string>()];
}
