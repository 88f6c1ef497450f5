using System.Text.Json.Nodes;
using static SuperKube.Defaulting.JsonDefaults;

namespace SuperKube.Defaulting;

/// <summary>Defaults of RoleBinding and ClusterRoleBinding: the RBAC API group on the role ref and on user/group subjects.</summary>
internal static class RbacDefaults
{
    private const string RbacGroup = "rbac.authorization.k8s.io";

    public static void Binding(JsonObject binding)
    {
        SetIfZero(Obj(binding, "roleRef"), "apiGroup", RbacGroup);
        foreach (var subject in Items(binding, "subjects"))
        {
            if (Str(subject, "kind") is "User" or "Group")
            {
                SetIfZero(subject, "apiGroup", RbacGroup);
            }
        }
    }
}
