namespace SuperKube.Security.Audit;

/// <summary>
/// One rule of an audit policy: it applies when every field it sets matches (users, userGroups, verbs, then either
/// namespaces/resources for resource requests or nonResourceURLs for the rest), as k8s.io/apiserver's policy checker.
/// </summary>
internal sealed record AuditPolicyRule(
    AuditLevel Level,
    IReadOnlyList<string> Users,
    IReadOnlyList<string> UserGroups,
    IReadOnlyList<string> Verbs,
    IReadOnlyList<AuditPolicyRule.GroupResources> Resources,
    IReadOnlyList<string> Namespaces,
    IReadOnlyList<string> NonResourceUrls,
    IReadOnlyList<string> OmitStages)
{
    /// <summary>Resources of one API group, optionally limited to some names.</summary>
    public sealed record GroupResources(string Group, IReadOnlyList<string> Resources, IReadOnlyList<string> ResourceNames);

    public bool Matches(AuthorizationAttributes? request, UserInfo? user)
    {
        if ((Users.Count > 0 && (user is null || !Users.Contains(user.Name)))
            || (UserGroups.Count > 0 && (user is null || !user.Groups.Any(UserGroups.Contains)))
            || (Verbs.Count > 0 && (request is null || !Verbs.Contains(request.Verb))))
        {
            return false;
        }

        if (Namespaces.Count > 0 || Resources.Count > 0)
        {
            return request is { IsResourceRequest: true } && (Namespaces.Count == 0 || Namespaces.Contains(request.Namespace)) && MatchesResource(request);
        }

        return NonResourceUrls.Count == 0
            || (request is { IsResourceRequest: false } && NonResourceUrls.Any(spec => PathMatches(request.Path, spec)));
    }

    private bool MatchesResource(AuthorizationAttributes request)
    {
        if (Resources.Count == 0)
        {
            return true;
        }

        var combined = request.Subresource.Length > 0 ? request.Resource + "/" + request.Subresource : request.Resource;
        foreach (var group in Resources.Where(g => g.Group == request.Group))
        {
            if (group.Resources.Count == 0)
            {
                return true;
            }

            if (group.ResourceNames.Count > 0 && !group.ResourceNames.Contains(request.Name))
            {
                continue;
            }

            foreach (var resource in group.Resources)
            {
                if (resource == "*" || resource == combined
                    || (request.Subresource.Length > 0 && resource == "*/" + request.Subresource)
                    || resource == request.Resource + "/*")
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool PathMatches(string path, string spec) =>
        spec == "*" || spec == path || (spec.EndsWith('*') && path.StartsWith(spec.TrimEnd('*'), StringComparison.Ordinal));
}
