using static SuperKube.Protobuf.ProtoPresence;

namespace SuperKube.Protobuf;

/// <summary>rbac.authorization.k8s.io/v1 roles and bindings.</summary>
internal static class RbacSchemas
{
    private const string Rbac = "rbac.authorization.k8s.io/v1";

    public static void Register(ProtoSchemaBuilder b) => b
        .Kind(Rbac, "Role").Kind(Rbac, "ClusterRole").Kind(Rbac, "RoleBinding").Kind(Rbac, "ClusterRoleBinding", "RoleBinding")
        .Message("Role", m => m.Message(1, "metadata", "ObjectMeta").Messages(2, "rules", "PolicyRule"))
        .Message("ClusterRole", m => m
            .Message(1, "metadata", "ObjectMeta").Messages(2, "rules", "PolicyRule").Message(3, "aggregationRule", "AggregationRule"))
        .Message("PolicyRule", m => m
            .Strings(1, "verbs").Strings(2, "apiGroups").Strings(3, "resources").Strings(4, "resourceNames").Strings(5, "nonResourceURLs"))
        .Message("AggregationRule", m => m.Messages(1, "clusterRoleSelectors", "LabelSelector"))
        // RoleBinding and ClusterRoleBinding share one layout.
        .Message("RoleBinding", m => m
            .Message(1, "metadata", "ObjectMeta").Messages(2, "subjects", "Subject").Message(3, "roleRef", "RoleRef"))
        .Message("Subject", m => m.String(1, "kind", Keep).String(2, "apiGroup").String(3, "name", Keep).String(4, "namespace"))
        .Message("RoleRef", m => m.String(1, "apiGroup", Keep).String(2, "kind", Keep).String(3, "name", Keep));
}
