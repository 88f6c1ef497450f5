using System.Text.Json.Nodes;
using SuperKube.Api;

namespace SuperKube.Security;

/// <summary>The 403 Status of the real API server, word for word (kubectl prints it, scripts match it).</summary>
internal static class ForbiddenMessage
{
    public static string Describe(AuthorizationAttributes a)
    {
        if (!a.IsResourceRequest)
        {
            return $"User \"{a.User.Name}\" cannot {a.Verb} path \"{a.Path}\"";
        }

        var resource = a.Subresource.Length > 0 ? a.Resource + "/" + a.Subresource : a.Resource;
        var scope = a.Namespace.Length > 0 ? $"in the namespace \"{a.Namespace}\"" : "at the cluster scope";
        return $"User \"{a.User.Name}\" cannot {a.Verb} resource \"{resource}\" in API group \"{a.Group}\" {scope}";
    }

    public static ApiException Exception(AuthorizationAttributes a, string reason)
    {
        var why = Describe(a) + (reason.Length > 0 ? ": " + reason : "");
        if (!a.IsResourceRequest)
        {
            return new ApiException(403, "Forbidden", "forbidden: " + why, new JsonObject());
        }

        var qualified = a.Group.Length > 0 ? a.Resource + "." + a.Group : a.Resource;
        var subject = a.Name.Length > 0 ? $"{qualified} \"{a.Name}\"" : qualified;
        var details = new JsonObject();
        if (a.Name.Length > 0)
        {
            details["name"] = a.Name;
        }

        if (a.Group.Length > 0)
        {
            details["group"] = a.Group;
        }

        details["kind"] = a.Resource;
        return new ApiException(403, "Forbidden", $"{subject} is forbidden: {why}", details);
    }
}
