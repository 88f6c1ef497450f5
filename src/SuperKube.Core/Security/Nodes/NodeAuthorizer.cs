using SuperKube.Security.Rbac;

namespace SuperKube.Security.Nodes;

/// <summary>
/// Kubernetes' Node authorizer, ahead of RBAC: a node (<c>system:node:NAME</c> in <c>system:nodes</c>) may read the
/// Secrets, ConfigMaps, PersistentVolumeClaims, PersistentVolumes and ServiceAccounts, and request tokens for the
/// ServiceAccounts, that pods bound to it reference (<see cref="NodeGraph"/>); may use only its own Lease in
/// <c>kube-node-lease</c>; and otherwise has <see cref="NodeRules"/>. What it does not allow goes on to
/// <paramref name="next"/> (RBAC), and a denial carries this authorizer's reason, as upstream's union of authorizers.
/// Requests of other users go straight to <paramref name="next"/>.
/// </summary>
internal sealed class NodeAuthorizer(NodeGraph graph, IAuthorizer next) : IAuthorizer
{
    public const string LeaseNamespace = "kube-node-lease";

    public async ValueTask<string?> AuthorizeAsync(AuthorizationAttributes attributes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        if (NodeIdentity.NameOf(attributes.User) is not { } node)
        {
            return await next.AuthorizeAsync(attributes, cancellationToken).ConfigureAwait(false);
        }

        string reason;
        if (node.Length == 0)
        {
            reason = $"unknown node for user \"{attributes.User.Name}\"";
        }
        else
        {
            await graph.WaitForSyncAsync(cancellationToken).ConfigureAwait(false);
            if (Decide(node, attributes) is not { } why)
            {
                return null;
            }

            reason = why;
        }

        var denial = await next.AuthorizeAsync(attributes, cancellationToken).ConfigureAwait(false);
        return denial is null ? null : string.Join('\n', new[] { reason, denial }.Where(r => r.Length > 0));
    }

    /// <summary>Null when allowed, else the reason (possibly empty) this authorizer has no opinion.</summary>
    private string? Decide(string node, AuthorizationAttributes a)
    {
        if (a.IsResourceRequest)
        {
            switch (a.Group, a.Resource)
            {
                case ("", "secrets" or "configmaps"):
                    return ReadNamespaced(node, a);
                case ("", "persistentvolumeclaims") when a.Subresource == "status":
                    return a.Verb is "update" or "patch" ? Related(node, a) : "can only get/update/patch this type";
                case ("", "persistentvolumeclaims" or "persistentvolumes"):
                    return a.Verb != "get" ? "can only get individual resources of this type"
                        : a.Subresource.Length > 0 ? "cannot get subresource"
                        : Related(node, a);
                case ("", "serviceaccounts"):
                    return ServiceAccount(node, a);
                case ("coordination.k8s.io", "leases"):
                    return Lease(node, a);
            }
        }

        return NodeRules.All.Any(rule => RuleMatcher.Allows(rule, a)) ? null : "";
    }

    private string? ReadNamespaced(string node, AuthorizationAttributes a) =>
        a.Verb is not ("get" or "list" or "watch") ? "can only read resources of this type"
        : a.Subresource.Length > 0 ? "cannot read subresource"
        : a.Namespace.Length == 0 ? "can only read namespaced object of this type"
        : Related(node, a);

    /// <summary>Token requests, and (beyond upstream) reading the account, for accounts pods on the node run as.</summary>
    private string? ServiceAccount(string node, AuthorizationAttributes a)
    {
        if (a is { Verb: "get", Subresource: "" } && a.Name.Length > 0)
        {
            return Related(node, a);
        }

        return a.Verb != "create" || a.Name.Length == 0 ? "can only create tokens for individual service accounts"
            : a.Subresource != "token" ? "can only create token subresource of serviceaccount"
            : Related(node, a);
    }

    private static string? Lease(string node, AuthorizationAttributes a) =>
        a.Verb is not ("get" or "create" or "update" or "patch" or "delete") ? "can only get, create, update, patch, or delete a node lease"
        : a.Namespace != LeaseNamespace ? $"can only access leases in the \"{LeaseNamespace}\" system namespace"
        : a.Verb != "create" && a.Name != node ? "can only access node lease with the same name as the requesting node" // a create's name is checked by NodeRestriction
        : null;

    private string? Related(string node, AuthorizationAttributes a) =>
        a.Name.Length == 0 ? "No Object name found"
        : graph.Links(node, a.Resource, a.Namespace, a.Name) ? null
        : $"no relationship found between node '{node}' and this object";
}
