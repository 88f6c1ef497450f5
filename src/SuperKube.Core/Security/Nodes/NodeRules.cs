using SuperKube.Security.Rbac;

namespace SuperKube.Security.Nodes;

/// <summary>
/// What a node may do beyond the objects the <see cref="NodeAuthorizer"/> subdivides (upstream's bootstrap
/// <c>NodeRules</c>): the rules of the <c>system:node</c> ClusterRole and the node authorizer's static rules. Writes
/// they allow on nodes, pods and leases are narrowed to the node's own objects by <see cref="NodeRestrictionAdmission"/>.
/// Beyond upstream: endpointslices (the node's service proxy) and serviceaccounts <c>get</c> (the agent reads the
/// pod's ServiceAccount for its image pull secrets; the authorizer allows it only for accounts its pods run as).
/// </summary>
internal static class NodeRules
{
    private static readonly string[] Read = ["get", "list", "watch"];

    public static IReadOnlyList<PolicyRule> All { get; } =
    [
        Rule(["create"], "authentication.k8s.io", "tokenreviews"),
        Rule(["create"], "authorization.k8s.io", "subjectaccessreviews", "localsubjectaccessreviews"),
        Rule(Read, "", "services"),
        Rule(["create", "get", "list", "watch"], "", "nodes"),
        Rule(["update", "patch"], "", "nodes/status"),
        Rule(["update", "patch"], "", "nodes"),
        Rule(["create", "update", "patch"], "", "events"),
        Rule(["create", "update", "patch"], "events.k8s.io", "events"),
        Rule(Read, "", "pods"),
        Rule(["create", "delete"], "", "pods"),
        Rule(["update", "patch"], "", "pods/status"),
        Rule(["create"], "", "pods/eviction"),
        Rule(Read, "", "secrets", "configmaps"),
        Rule(["get"], "", "persistentvolumeclaims", "persistentvolumes", "endpoints", "serviceaccounts"),
        Rule(["update", "patch"], "", "persistentvolumeclaims/status"),
        Rule(["create", "get", "list", "watch"], "certificates.k8s.io", "certificatesigningrequests"),
        Rule(["get", "create", "update", "patch", "delete"], "coordination.k8s.io", "leases"),
        Rule(["create"], "", "serviceaccounts/token"),
        Rule(Read, "node.k8s.io", "runtimeclasses"),
        Rule(Read, "discovery.k8s.io", "endpointslices"),
    ];

    private static PolicyRule Rule(string[] verbs, string group, params string[] resources) => new(verbs, [group], resources, [], []);
}
