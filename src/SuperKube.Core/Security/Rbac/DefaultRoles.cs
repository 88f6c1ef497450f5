using System.Text.Json.Nodes;

namespace SuperKube.Security.Rbac;

/// <summary>
/// The ClusterRoles and ClusterRoleBindings every cluster starts with, after kube-apiserver's bootstrap policy:
/// cluster-admin, the aggregated admin/edit/view, discovery and self-review roles for everyone, and the roles of the
/// system components. As upstream, the system:node binding has no subjects: nodes get the same rules from the Node
/// authorizer, which narrows their reads to the objects their pods reference.
/// </summary>
internal static class DefaultRoles
{
    private const string Read = "get list watch";
    private const string Write = "create delete deletecollection patch update";

    private static readonly string[] ViewCore =
    [
        "configmaps", "endpoints", "persistentvolumeclaims", "persistentvolumeclaims/status", "pods", "replicationcontrollers",
        "replicationcontrollers/scale", "serviceaccounts", "services", "services/status", "bindings", "events", "limitranges",
        "namespaces/status", "pods/log", "pods/status", "replicationcontrollers/status", "resourcequotas", "resourcequotas/status", "namespaces",
    ];

    private static readonly string[] ViewApps =
    [
        "controllerrevisions", "daemonsets", "daemonsets/status", "deployments", "deployments/scale", "deployments/status",
        "replicasets", "replicasets/scale", "replicasets/status", "statefulsets", "statefulsets/scale", "statefulsets/status",
    ];

    public static IReadOnlyList<JsonObject> ClusterRoles() =>
    [
        Role("cluster-admin", [Rule("*", "*", "*"), Urls("*", "*")]),
        Aggregated("admin", "admin"),
        Aggregated("edit", "edit"),
        Aggregated("view", "view"),
        Role("system:aggregate-to-view", [
            Rule(Read, "", string.Join(' ', ViewCore)),
            Rule(Read, "apps", string.Join(' ', ViewApps)),
            Rule(Read, "autoscaling", "horizontalpodautoscalers horizontalpodautoscalers/status"),
            Rule(Read, "batch", "cronjobs cronjobs/status jobs jobs/status"),
            Rule(Read, "policy", "poddisruptionbudgets poddisruptionbudgets/status"),
            Rule(Read, "networking.k8s.io", "ingresses ingresses/status networkpolicies"),
            Rule(Read, "discovery.k8s.io", "endpointslices"),
        ], aggregateTo: "view"),
        Role("system:aggregate-to-edit", [
            Rule(Read, "", "secrets pods/attach pods/exec pods/portforward pods/proxy services/proxy"),
            Rule(Write, "", "configmaps events persistentvolumeclaims pods replicationcontrollers replicationcontrollers/scale secrets serviceaccounts services services/proxy endpoints"),
            Rule("create", "", "pods/attach pods/exec pods/portforward pods/eviction serviceaccounts/token"),
            Rule(Write, "apps", "daemonsets deployments deployments/rollback deployments/scale replicasets replicasets/scale statefulsets statefulsets/scale"),
            Rule(Write, "autoscaling", "horizontalpodautoscalers"),
            Rule(Write, "batch", "cronjobs jobs"),
            Rule(Write, "policy", "poddisruptionbudgets"),
            Rule(Write, "networking.k8s.io", "ingresses networkpolicies"),
            Rule(Write, "discovery.k8s.io", "endpointslices"),
            Rule("impersonate", "", "serviceaccounts"),
        ], aggregateTo: "edit"),
        Role("system:aggregate-to-admin", [
            Rule(Read + " " + Write, "rbac.authorization.k8s.io", "roles rolebindings"),
            Rule("create", "authorization.k8s.io", "localsubjectaccessreviews"),
        ], aggregateTo: "admin"),
        Role("system:discovery", [Urls("get", "/api /api/* /apis /apis/* /healthz /livez /openapi /openapi/* /readyz /version /version/")]),
        Role("system:public-info-viewer", [Urls("get", "/healthz /livez /readyz /version /version/")]),
        Role("system:basic-user", [
            Rule("create", "authorization.k8s.io", "selfsubjectaccessreviews selfsubjectrulesreviews"),
            Rule("create", "authentication.k8s.io", "selfsubjectreviews"),
        ]),
        Role("system:node", [.. Nodes.NodeRules.All.Select(r => r.ToJson())]),
        Role("system:kube-scheduler", [
            Rule(Read, "", "nodes pods namespaces services persistentvolumes persistentvolumeclaims replicationcontrollers"),
            Rule("create", "", "pods/binding bindings"),
            Rule("patch update", "", "pods/status"),
            Rule("create patch update", "", "events"),
            Rule(Read, "apps", "replicasets statefulsets"),
            Rule(Read, "policy", "poddisruptionbudgets"),
            Rule(Read + " create update", "coordination.k8s.io", "leases"),
        ]),
        Role("system:kube-controller-manager", [Rule("*", "*", "*")]),
    ];

    public static IReadOnlyList<JsonObject> ClusterRoleBindings() =>
    [
        Binding("cluster-admin", "Group", "system:masters"),
        Binding("system:discovery", "Group", "system:authenticated"),
        Binding("system:basic-user", "Group", "system:authenticated"),
        Binding("system:public-info-viewer", "Group", "system:authenticated", "system:unauthenticated"),
        Binding("system:node", "Group"), // no subjects, as upstream: nodes are authorized by the Node authorizer
        Binding("system:kube-scheduler", "User", "system:kube-scheduler"),
        Binding("system:kube-controller-manager", "User", "system:kube-controller-manager"),
    ];

    private static JsonObject Role(string name, JsonObject[] rules, string? aggregateTo = null)
    {
        var role = Object("ClusterRole", name);
        if (aggregateTo is not null)
        {
            ((JsonObject)role["metadata"]!["labels"]!)[$"rbac.authorization.k8s.io/aggregate-to-{aggregateTo}"] = "true";
        }

        role["rules"] = new JsonArray([.. rules]);
        return role;
    }

    /// <summary>admin, edit and view collect the roles labelled aggregate-to-NAME; admin includes edit and edit includes view.</summary>
    private static JsonObject Aggregated(string name, string label)
    {
        var role = Object("ClusterRole", name);
        var labels = (JsonObject)role["metadata"]!["labels"]!;
        if (name != "admin")
        {
            labels[$"rbac.authorization.k8s.io/aggregate-to-{(name == "edit" ? "admin" : "edit")}"] = "true";
        }

        role["aggregationRule"] = new JsonObject
        {
            ["clusterRoleSelectors"] = new JsonArray(new JsonObject
            {
                ["matchLabels"] = new JsonObject { [$"rbac.authorization.k8s.io/aggregate-to-{label}"] = "true" },
            }),
        };
        role["rules"] = new JsonArray();
        return role;
    }

    private static JsonObject Binding(string role, string kind, params string[] names)
    {
        var binding = Object("ClusterRoleBinding", role);
        binding["roleRef"] = new JsonObject { ["apiGroup"] = "rbac.authorization.k8s.io", ["kind"] = "ClusterRole", ["name"] = role };
        binding["subjects"] = new JsonArray([.. names.Select(n => (JsonNode?)new JsonObject
        {
            ["apiGroup"] = "rbac.authorization.k8s.io", ["kind"] = kind, ["name"] = n,
        })]);
        return binding;
    }

    private static JsonObject Object(string kind, string name) => new()
    {
        ["apiVersion"] = "rbac.authorization.k8s.io/v1",
        ["kind"] = kind,
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["labels"] = new JsonObject { ["kubernetes.io/bootstrapping"] = "rbac-defaults" },
            ["annotations"] = new JsonObject { ["rbac.authorization.kubernetes.io/autoupdate"] = "true" },
        },
    };

    private static JsonObject Rule(string verbs, string groups, string resources) =>
        new PolicyRule(Split(verbs), groups.Length == 0 ? [""] : Split(groups), Split(resources), [], []).ToJson();

    private static JsonObject Urls(string verbs, string urls) => new PolicyRule(Split(verbs), [], [], [], Split(urls)).ToJson();

    private static string[] Split(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
