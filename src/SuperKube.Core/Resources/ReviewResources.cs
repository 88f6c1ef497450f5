using System.Text.Json.Nodes;
using SuperKube.Api;
using SuperKube.Registry;
using SuperKube.Security;
using SuperKube.Security.Rbac;

namespace SuperKube.Resources;

/// <summary>
/// The self reviews kubectl posts: <c>auth whoami</c> (SelfSubjectReview) and <c>auth can-i</c>
/// (SelfSubjectAccessReview, SelfSubjectRulesReview). They are answered from the caller's identity and the
/// authorizer, and never stored.
/// </summary>
internal sealed class ReviewResources(IAuthorizer authorizer, IEnumerable<IRuleResolver> ruleResolvers)
{
    public async Task<JsonObject> CreateAsync(ResourceType type, string ns, JsonObject body, UserInfo user, CancellationToken cancellationToken)
    {
        var result = new JsonObject
        {
            ["kind"] = type.Kind,
            ["apiVersion"] = type.ApiVersion,
            ["metadata"] = new JsonObject { ["creationTimestamp"] = null },
        };
        switch (type.Plural)
        {
            case "selfsubjectreviews":
                result["status"] = new JsonObject { ["userInfo"] = UserInfoJson(user) };
                break;
            case "selfsubjectaccessreviews":
                var spec = body["spec"] as JsonObject ?? throw ApiException.Invalid(type.Group, type.Kind, "", [Validation.FieldError.Required("spec")]);
                result["spec"] = spec.DeepClone();
                result["status"] = await ReviewAsync(spec, user, cancellationToken).ConfigureAwait(false);
                break;
            default:
                result["spec"] = body["spec"]?.DeepClone() ?? new JsonObject();
                result["status"] = RulesReview(user, (string?)body["spec"]?["namespace"] ?? ns);
                break;
        }

        return result;
    }

    private async Task<JsonObject> ReviewAsync(JsonObject spec, UserInfo user, CancellationToken cancellationToken)
    {
        AuthorizationAttributes attributes;
        if (spec["resourceAttributes"] is JsonObject resource)
        {
            attributes = new AuthorizationAttributes(
                user, Text(resource, "verb"), Text(resource, "group"), Text(resource, "resource"), Text(resource, "subresource"),
                Text(resource, "namespace"), Text(resource, "name"), IsResourceRequest: true, Path: "");
        }
        else if (spec["nonResourceAttributes"] is JsonObject nonResource)
        {
            attributes = new AuthorizationAttributes(user, Text(nonResource, "verb"), "", "", "", "", "", IsResourceRequest: false, Path: Text(nonResource, "path"));
        }
        else
        {
            throw ApiException.Invalid("authorization.k8s.io", "SelfSubjectAccessReview", "", [
                Validation.FieldError.Invalid("spec.resourceAttributes", null, "exactly one of nonResourceAttributes or resourceAttributes must be specified")]);
        }

        var denial = await authorizer.AuthorizeAsync(attributes, cancellationToken).ConfigureAwait(false);
        var status = new JsonObject { ["allowed"] = denial is null };
        if (denial is not null)
        {
            status["reason"] = denial;
        }

        return status;
    }

    /// <summary>The caller's rules from the rule resolver (RBAC); everything when there is none (allow-all).</summary>
    private JsonObject RulesReview(UserInfo user, string ns)
    {
        IReadOnlyList<PolicyRule> rules = ruleResolvers.FirstOrDefault() is { } resolver
            ? [.. resolver.RulesFor(user, ns)]
            : [new PolicyRule(["*"], ["*"], ["*"], [], []), new PolicyRule(["*"], [], [], [], ["*"])];
        return new JsonObject
        {
            ["resourceRules"] = new JsonArray([.. rules.Where(r => r.NonResourceUrls.Count == 0).Select(r => (JsonNode?)r.ToJson())]),
            ["nonResourceRules"] = new JsonArray([.. rules.Where(r => r.NonResourceUrls.Count > 0).Select(r => (JsonNode?)r.ToJson())]),
            ["incomplete"] = false,
        };
    }

    private static JsonObject UserInfoJson(UserInfo user)
    {
        var info = new JsonObject { ["username"] = user.Name };
        if (user.Uid.Length > 0)
        {
            info["uid"] = user.Uid;
        }

        info["groups"] = new JsonArray([.. user.Groups.Select(g => (JsonNode?)g)]);
        return info;
    }

    private static string Text(JsonObject obj, string field) => obj[field] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
}
