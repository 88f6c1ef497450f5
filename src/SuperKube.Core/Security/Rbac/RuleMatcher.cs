namespace SuperKube.Security.Rbac;

/// <summary>Whether an RBAC rule covers a request (the semantics of k8s.io/kubernetes/plugin/pkg/auth/authorizer/rbac).</summary>
internal static class RuleMatcher
{
    public static bool Allows(PolicyRule rule, AuthorizationAttributes a) =>
        a.IsResourceRequest
            ? Matches(rule.Verbs, a.Verb) && Matches(rule.ApiGroups, a.Group) && ResourceMatches(rule, a) && NameMatches(rule, a.Name)
            : Matches(rule.Verbs, a.Verb) && PathMatches(rule.NonResourceUrls, a.Path);

    private static bool Matches(IReadOnlyList<string> values, string wanted) => values.Any(v => v == "*" || v == wanted);

    /// <summary><c>*</c> is every resource and subresource; <c>pods/*</c> every subresource of pods; <c>*/status</c> status of anything.</summary>
    private static bool ResourceMatches(PolicyRule rule, AuthorizationAttributes a)
    {
        var combined = a.Subresource.Length > 0 ? a.Resource + "/" + a.Subresource : a.Resource;
        foreach (var resource in rule.Resources)
        {
            if (resource == "*" || resource == combined)
            {
                return true;
            }

            if (a.Subresource.Length > 0
                && (resource == a.Resource + "/*" || resource == "*/" + a.Subresource))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Rules with resourceNames only cover requests naming one of them (never list, watch or create of a collection).</summary>
    private static bool NameMatches(PolicyRule rule, string name) => rule.ResourceNames.Count == 0 || rule.ResourceNames.Contains(name);

    /// <summary>An exact path, <c>*</c>, or a prefix ending in <c>*</c>.</summary>
    private static bool PathMatches(IReadOnlyList<string> urls, string path)
    {
        foreach (var url in urls)
        {
            if (url == "*" || url == path || (url.EndsWith('*') && path.StartsWith(url[..^1], StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }
}
