using System.Text.Json.Nodes;

namespace SuperKube.Security.Rbac;

/// <summary>
/// Role-based access control: a request is allowed when a ClusterRoleBinding, or a RoleBinding in the request's
/// namespace, binds the user (by name, group, or service account) to a role with a rule covering it. ClusterRoles
/// with an <c>aggregationRule</c> hold the rules of every ClusterRole their selectors match. Denials carry no extra
/// reason, like kube-apiserver's RBAC authorizer.
/// </summary>
internal sealed class RbacAuthorizer(IObjectLookup objects) : IAuthorizer, IRuleResolver
{
    private const string Group = "rbac.authorization.k8s.io";

    public ValueTask<string?> AuthorizeAsync(AuthorizationAttributes attributes, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Allows(attributes) ? null : "");

    public bool Allows(AuthorizationAttributes a) => RulesFor(a.User, a.Namespace).Any(rule => RuleMatcher.Allows(rule, a));

    /// <summary>Every rule that applies to <paramref name="user"/> in <paramref name="ns"/> (cluster-wide rules included).</summary>
    public IEnumerable<PolicyRule> RulesFor(UserInfo user, string ns)
    {
        foreach (var binding in objects.List(Group, "clusterrolebindings", ""))
        {
            if (Binds(binding, user, "") && RoleRef(binding) is ("ClusterRole", var name))
            {
                foreach (var rule in ClusterRoleRules(name))
                {
                    yield return rule;
                }
            }
        }

        if (ns.Length == 0)
        {
            yield break;
        }

        foreach (var binding in objects.List(Group, "rolebindings", ns))
        {
            if (!Binds(binding, user, ns))
            {
                continue;
            }

            var rules = RoleRef(binding) switch
            {
                ("ClusterRole", var name) => ClusterRoleRules(name),
                ("Role", var name) => objects.Find(Group, "roles", ns, name) is { } role ? PolicyRule.FromRole(role) : [],
                _ => [],
            };
            foreach (var rule in rules)
            {
                yield return rule;
            }
        }
    }

    /// <summary>The rules of a ClusterRole, and of the roles its aggregationRule selects (aggregated ones included, as admin includes edit).</summary>
    public IReadOnlyList<PolicyRule> ClusterRoleRules(string name) =>
        objects.Find(Group, "clusterroles", "", name) is { } role ? Collect(role, new HashSet<string>(StringComparer.Ordinal) { name }) : [];

    private List<PolicyRule> Collect(JsonObject role, HashSet<string> visited)
    {
        var rules = new List<PolicyRule>(PolicyRule.FromRole(role));
        if (role["aggregationRule"] is not JsonObject aggregation)
        {
            return rules;
        }

        var selectors = (aggregation["clusterRoleSelectors"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        foreach (var other in objects.List(Group, "clusterroles", ""))
        {
            if (selectors.Any(s => LabelsMatch(s, other)) && visited.Add(Text(other["metadata"] as JsonObject ?? [], "name")))
            {
                rules.AddRange(Collect(other, visited));
            }
        }

        return rules;
    }

    private static (string Kind, string Name) RoleRef(JsonObject binding) =>
        binding["roleRef"] is JsonObject r ? (Text(r, "kind"), Text(r, "name")) : ("", "");

    private static bool Binds(JsonObject binding, UserInfo user, string bindingNamespace)
    {
        foreach (var subject in (binding["subjects"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var name = Text(subject, "name");
            var matched = Text(subject, "kind") switch
            {
                "User" => user.Name == name,
                "Group" => user.Groups.Contains(name),
                "ServiceAccount" => user.Name == $"system:serviceaccount:{(Text(subject, "namespace") is { Length: > 0 } n ? n : bindingNamespace)}:{name}",
                _ => false,
            };
            if (matched)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>matchLabels and matchExpressions (In, NotIn, Exists, DoesNotExist) of a label selector.</summary>
    private static bool LabelsMatch(JsonObject selector, JsonObject obj)
    {
        var labels = (obj["metadata"] as JsonObject)?["labels"] as JsonObject ?? [];
        foreach (var (key, value) in selector["matchLabels"] as JsonObject ?? [])
        {
            if (Text(labels, key) != (value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null))
            {
                return false;
            }
        }

        foreach (var expression in (selector["matchExpressions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var key = Text(expression, "key");
            var values = (expression["values"] as JsonArray ?? []).Select(v => v?.ToString()).ToList();
            var has = labels.ContainsKey(key);
            var ok = Text(expression, "operator") switch
            {
                "In" => has && values.Contains(Text(labels, key)),
                "NotIn" => !has || !values.Contains(Text(labels, key)),
                "Exists" => has,
                "DoesNotExist" => !has,
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static string Text(JsonObject obj, string name) => obj[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
}
