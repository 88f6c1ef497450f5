using System.Text.Json.Nodes;
using SuperKube.Admission;
using SuperKube.Api;

namespace SuperKube.Security.Rbac;

/// <summary>
/// RBAC's guard against privilege escalation, as kube-apiserver's role and binding storage: a Role or ClusterRole may
/// only be written by someone who already holds every permission in it (or may <c>escalate</c> roles); a RoleBinding or
/// ClusterRoleBinding only by someone who may <c>bind</c> the referenced role or holds all its permissions. Members of
/// <c>system:masters</c> are exempt. Otherwise 403 "... is attempting to grant RBAC permissions not currently held".
/// </summary>
internal sealed class RbacEscalationCheck(RbacAuthorizer rbac, IAuthorizer authorizer, IObjectLookup objects) : IValidatingAdmissionPlugin
{
    private const string Group = "rbac.authorization.k8s.io";

    /// <summary>What setting an aggregationRule requires: everything (it can gather any rule).</summary>
    private static readonly PolicyRule[] FullAuthority = [new(["*"], ["*"], ["*"], [], []), new(["*"], [], [], [], ["*"])];

    public string Name => "RBACEscalationCheck";

    public async ValueTask ValidateAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        if (request.Resource.Group != Group || request.Object is not { } obj || request.Subresource.Length > 0
            || request.User.Groups.Contains("system:masters")
            || (request.OldObject is { } old && OnlyGarbageCollectionFieldsChange(obj, old)))
        {
            return;
        }

        var ns = request.Resource.IsNamespaced ? request.Namespace : "";
        switch (request.Resource.Plural)
        {
            case "roles" or "clusterroles":
                await CheckRoleAsync(request, obj, ns, cancellationToken).ConfigureAwait(false);
                break;
            case "rolebindings" or "clusterrolebindings":
                await CheckBindingAsync(request, obj, ns, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async ValueTask CheckRoleAsync(AdmissionRequest request, JsonObject role, string ns, CancellationToken cancellationToken)
    {
        if (await AllowedAsync(request.User, "escalate", request.Resource.Plural, ns, request.Name, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var owned = rbac.RulesFor(request.User, ns).ToList();
        ConfirmNoEscalation(request, owned, PolicyRule.FromRole(role));
        if (role["aggregationRule"] is JsonObject && RuleCoverage.Uncovered(owned, FullAuthority).Count > 0)
        {
            throw Forbidden(request, "must have cluster-admin privileges to use the aggregationRule");
        }
    }

    private async ValueTask CheckBindingAsync(AdmissionRequest request, JsonObject binding, string ns, CancellationToken cancellationToken)
    {
        var roleRef = binding["roleRef"] as JsonObject ?? [];
        var (kind, name) = ((string?)roleRef["kind"] ?? "", (string?)roleRef["name"] ?? "");
        var roleResource = kind switch
        {
            "ClusterRole" => "clusterroles",
            "Role" => "roles",
            _ => null,
        };
        if (roleResource is null)
        {
            return; // validation rejects the unknown kind
        }

        // bind is checked in the binding's namespace (none for ClusterRoleBindings), so it can be delegated per namespace.
        if (await AllowedAsync(request.User, "bind", roleResource, ns, name, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        IReadOnlyList<PolicyRule> granted = roleResource == "clusterroles"
            ? objects.Find(Group, "clusterroles", "", name) is null ? throw ApiException.NotFound(Group, "clusterroles", name) : rbac.ClusterRoleRules(name)
            : PolicyRule.FromRole(objects.Find(Group, "roles", ns, name) ?? throw ApiException.NotFound(Group, "roles", name));
        ConfirmNoEscalation(request, rbac.RulesFor(request.User, ns).ToList(), granted);
    }

    private async ValueTask<bool> AllowedAsync(UserInfo user, string verb, string resource, string ns, string name, CancellationToken cancellationToken)
    {
        var attributes = new AuthorizationAttributes(user, verb, Group, resource, "", ns, name, IsResourceRequest: true, Path: "");
        return await authorizer.AuthorizeAsync(attributes, cancellationToken).ConfigureAwait(false) is null;
    }

    private static void ConfirmNoEscalation(AdmissionRequest request, IReadOnlyList<PolicyRule> owned, IEnumerable<PolicyRule> wanted)
    {
        var missing = RuleCoverage.Uncovered(owned, wanted);
        if (missing.Count == 0)
        {
            return;
        }

        var lines = RuleCoverage.Compact(missing).Select(RuleCoverage.CompactString).Distinct().Order(StringComparer.Ordinal);
        var user = request.User;
        throw Forbidden(request, $"user \"{user.Name}\" (groups={RuleCoverage.QuotedList(user.Groups)}) is attempting to grant RBAC permissions not currently held:\n"
            + string.Join("\n", lines));
    }

    private static ApiException Forbidden(AdmissionRequest request, string why) => ApiException.Forbidden(request.Resource, request.Name, why);

    /// <summary>
    /// True when only what the garbage collector and deletion touch changed (finalizers, ownerReferences, deletion
    /// stamps), so a controller without the role's permissions can still clean up, as upstream's IsOnlyMutatingGCFields.
    /// </summary>
    private static bool OnlyGarbageCollectionFieldsChange(JsonObject obj, JsonObject old)
    {
        string[] ignored = ["finalizers", "ownerReferences", "deletionTimestamp", "deletionGracePeriodSeconds", "resourceVersion", "managedFields", "generation"];
        return JsonNode.DeepEquals(Without(obj, ignored), Without(old, ignored));
    }

    private static JsonObject Without(JsonObject obj, string[] metadataFields)
    {
        var copy = obj.DeepClone().AsObject();
        if (copy["metadata"] is JsonObject metadata)
        {
            foreach (var field in metadataFields)
            {
                metadata.Remove(field);
            }
        }

        return copy;
    }
}
