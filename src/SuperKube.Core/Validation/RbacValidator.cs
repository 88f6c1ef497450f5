using System.Text.Json.Nodes;

namespace SuperKube.Validation;

/// <summary>
/// Validation of Roles, ClusterRoles and their bindings (k8s.io/kubernetes/pkg/apis/rbac/validation): rules name verbs
/// and either resources or non-resource URLs, a binding's roleRef points at a Role or ClusterRole of the RBAC group and
/// never changes, subjects are Users, Groups or ServiceAccounts.
/// </summary>
internal static class RbacValidator
{
    private const string Group = "rbac.authorization.k8s.io";

    public static IReadOnlyList<FieldError> Role(JsonObject obj, JsonObject? old) => Rules(obj, namespaced: true).ToList();

    public static IReadOnlyList<FieldError> ClusterRole(JsonObject obj, JsonObject? old)
    {
        var errors = Rules(obj, namespaced: false).ToList();
        if (JsonRead.Object(obj, "aggregationRule") is { } aggregation)
        {
            var selectors = JsonRead.Array(aggregation, "clusterRoleSelectors");
            if (selectors is not { Count: > 0 })
            {
                errors.Add(FieldError.Required("aggregationRule.clusterRoleSelectors", "at least one clusterRoleSelector required if aggregationRule is non-nil"));
            }

            foreach (var (selector, i) in JsonRead.Items(selectors))
            {
                errors.AddRange(LabelSelectorValidator.Validate(selector as JsonObject, $"aggregationRule.clusterRoleSelectors[{i}]"));
            }
        }

        return errors;
    }

    public static IReadOnlyList<FieldError> RoleBinding(JsonObject obj, JsonObject? old) => Binding(obj, old, namespaced: true);

    public static IReadOnlyList<FieldError> ClusterRoleBinding(JsonObject obj, JsonObject? old) => Binding(obj, old, namespaced: false);

    private static IEnumerable<FieldError> Rules(JsonObject role, bool namespaced)
    {
        foreach (var (rule, i) in JsonRead.Items(JsonRead.Array(role, "rules")))
        {
            var path = $"rules[{i}]";
            var count = (string name) => JsonRead.Array(rule, name)?.Count ?? 0;
            if (count("verbs") == 0)
            {
                yield return FieldError.Required(path + ".verbs", "verbs must contain at least one value");
            }

            if (count("nonResourceURLs") > 0)
            {
                var urls = GoText.StringSlice(JsonRead.Array(rule, "nonResourceURLs")!.Select(JsonRead.Scalar).OfType<string>());
                if (namespaced)
                {
                    yield return FieldError.Invalid(path + ".nonResourceURLs", urls, "namespaced rules cannot apply to non-resource URLs");
                }

                if (count("apiGroups") > 0 || count("resources") > 0 || count("resourceNames") > 0)
                {
                    yield return FieldError.Invalid(path + ".nonResourceURLs", urls, "rules cannot apply to both regular resources and non-resource URLs");
                }

                continue;
            }

            if (count("apiGroups") == 0)
            {
                yield return FieldError.Required(path + ".apiGroups", "resource rules must supply at least one api group");
            }

            if (count("resources") == 0)
            {
                yield return FieldError.Required(path + ".resources", "resource rules must supply at least one resource");
            }
        }
    }

    private static List<FieldError> Binding(JsonObject obj, JsonObject? old, bool namespaced)
    {
        var errors = new List<FieldError>();
        var roleRef = JsonRead.Object(obj, "roleRef");
        if (JsonRead.String(roleRef, "apiGroup") is var group && group != Group)
        {
            errors.Add(FieldError.NotSupported("roleRef.apiGroup", GoText.Quote(group ?? ""), [Group]));
        }

        string[] kinds = namespaced ? ["Role", "ClusterRole"] : ["ClusterRole"];
        if (JsonRead.String(roleRef, "kind") is var kind && !kinds.Contains(kind))
        {
            errors.Add(FieldError.NotSupported("roleRef.kind", GoText.Quote(kind ?? ""), kinds));
        }

        var name = JsonRead.String(roleRef, "name") ?? "";
        errors.AddRange(name.Length == 0
            ? [FieldError.Required("roleRef.name")]
            : NameRules.IsPathSegmentName(name).Select(m => FieldError.Invalid("roleRef.name", GoText.Quote(name), m)));
        foreach (var (subject, i) in JsonRead.Items(JsonRead.Array(obj, "subjects")))
        {
            errors.AddRange(Subject(subject as JsonObject, namespaced, $"subjects[{i}]"));
        }

        if (old is not null && !JsonNode.DeepEquals(roleRef, JsonRead.Object(old, "roleRef")))
        {
            errors.Add(FieldError.Invalid("roleRef", GoText.Value(roleRef), "cannot change roleRef"));
        }

        return errors;
    }

    private static IEnumerable<FieldError> Subject(JsonObject? subject, bool namespaced, string path)
    {
        var name = JsonRead.String(subject, "name") ?? "";
        var group = JsonRead.String(subject, "apiGroup") ?? "";
        if (name.Length == 0)
        {
            yield return FieldError.Required(path + ".name");
        }

        switch (JsonRead.String(subject, "kind") ?? "")
        {
            case "ServiceAccount":
                foreach (var message in name.Length > 0 ? NameRules.IsDns1123Subdomain(name) : [])
                {
                    yield return FieldError.Invalid(path + ".name", GoText.Quote(name), message);
                }

                if (group.Length > 0)
                {
                    yield return FieldError.NotSupported(path + ".apiGroup", GoText.Quote(group), [""]);
                }

                if (!namespaced && (JsonRead.String(subject, "namespace") ?? "").Length == 0)
                {
                    yield return FieldError.Required(path + ".namespace");
                }

                break;
            case "User" or "Group" when group != Group:
                yield return FieldError.NotSupported(path + ".apiGroup", GoText.Quote(group), [Group]);
                break;
            case "User" or "Group":
                break;
            case var kind:
                yield return FieldError.NotSupported(path + ".kind", GoText.Quote(kind), ["ServiceAccount", "User", "Group"]);
                break;
        }
    }
}
