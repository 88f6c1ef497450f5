using System.Collections.Concurrent;

namespace SuperKube.Security;

/// <summary>
/// Remembers the decisions of another (RBAC) authorizer with the version of the roles and bindings they were made at:
/// while none has changed since, the same request of the same user gets the same answer without evaluating them
/// again. Any change to a Role, ClusterRole or binding makes the next request decide afresh.
/// </summary>
internal sealed class CachingAuthorizer(IAuthorizer inner, IObjectLookup objects) : IAuthorizer
{
    private const int MaxRemembered = 10_000;
    private const string Rbac = "rbac.authorization.k8s.io";
    private readonly ConcurrentDictionary<string, (PolicyVersion Version, string? Denial)> _decisions = new(StringComparer.Ordinal);

    public async ValueTask<string?> AuthorizeAsync(AuthorizationAttributes attributes, CancellationToken cancellationToken)
    {
        var key = Key(attributes);
        var version = Version(); // read first: a change after this point makes the stored decision look stale
        if (_decisions.TryGetValue(key, out var known) && known.Version == version)
        {
            return known.Denial;
        }

        var denial = await inner.AuthorizeAsync(attributes, cancellationToken).ConfigureAwait(false);
        if (_decisions.Count >= MaxRemembered)
        {
            _decisions.Clear();
        }

        _decisions[key] = (version, denial);
        return denial;
    }

    private PolicyVersion Version() => new(
        objects.Version(Rbac, "clusterroles"), objects.Version(Rbac, "clusterrolebindings"), objects.Version(Rbac, "roles"), objects.Version(Rbac, "rolebindings"));

    private static string Key(AuthorizationAttributes a) =>
        string.Join('\n', a.User.Name, string.Join(',', a.User.Groups), a.Verb, a.Group, a.Resource, a.Subresource, a.Namespace, a.Name, a.IsResourceRequest ? "r" : "n", a.Path);

    private readonly record struct PolicyVersion((int, long) ClusterRoles, (int, long) ClusterRoleBindings, (int, long) Roles, (int, long) RoleBindings);
}
