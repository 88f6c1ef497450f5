using SuperKube.Schema;

namespace SuperKube.Patching;

/// <summary>
/// Strategic-merge-patch metadata of the built-in kinds (patchMergeKey / patchStrategy tags of k8s.io/api v0.32
/// types.go). Each tree holds only the fields that carry metadata, plus the objects on the way down to them; every
/// other field merges like a JSON merge patch. Each call builds a fresh tree, so callers may keep or change it.
/// </summary>
internal static class PatchSchemas
{
    private static readonly Dictionary<(string Group, string Kind), Func<StructuralSchema>> Catalog = new()
    {
        [("", "Pod")] = () => Kind(PodSpec(), Obj(
            ("conditions", Conditions()),
            ("podIPs", MergeList("ip")),
            ("hostIPs", MergeList("ip")),
            ("resourceClaimStatuses", MergeList("name", retainKeys: true)))),
        [("", "Node")] = () => Kind(
            Obj(("podCIDRs", MergePrimitives())),
            Obj(("conditions", Conditions()), ("addresses", MergeList("type")))),
        [("", "Namespace")] = () => Kind(status: ConditionsStatus()),
        [("", "PersistentVolumeClaim")] = () => Kind(status: ConditionsStatus()),
        [("", "Service")] = () => Kind(Obj(("ports", MergeList("port"))), ConditionsStatus()),
        [("", "ServiceAccount")] = () => Obj(("metadata", ObjectMeta()), ("secrets", MergeList("name"))),
        [("", "ReplicationController")] = () => Workload(),
        [("apps", "Deployment")] = () => Workload(("strategy", Strategy("retainKeys"))),
        [("apps", "ReplicaSet")] = () => Workload(),
        [("apps", "StatefulSet")] = () => Workload(),
        [("apps", "DaemonSet")] = () => Workload(),
        [("batch", "Job")] = () => Workload(),
        [("batch", "CronJob")] = () => Kind(Obj(("jobTemplate", Obj(
            ("metadata", ObjectMeta()),
            ("spec", Obj(("template", PodTemplate()))))))),
        [("policy", "PodDisruptionBudget")] = () => Kind(Obj(("selector", Strategy("replace"))), ConditionsStatus()),
        [("autoscaling", "HorizontalPodAutoscaler")] = () => Kind(status: ConditionsStatus()),
    };

    /// <summary>Built-in kinds whose only patch metadata is in <c>metadata</c> (ownerReferences, finalizers).</summary>
    private static readonly HashSet<(string Group, string Kind)> MetadataOnly =
    [
        ("", "ConfigMap"), ("", "Endpoints"), ("", "Event"), ("", "LimitRange"), ("", "PersistentVolume"),
        ("", "ResourceQuota"), ("", "Secret"), ("apps", "ControllerRevision"), ("coordination.k8s.io", "Lease"),
        ("discovery.k8s.io", "EndpointSlice"), ("events.k8s.io", "Event"), ("networking.k8s.io", "IngressClass"),
        ("networking.k8s.io", "Ingress"), ("networking.k8s.io", "NetworkPolicy"), ("storage.k8s.io", "StorageClass"),
        ("scheduling.k8s.io", "PriorityClass"), ("rbac.authorization.k8s.io", "ClusterRoleBinding"),
        ("rbac.authorization.k8s.io", "ClusterRole"), ("rbac.authorization.k8s.io", "RoleBinding"),
        ("rbac.authorization.k8s.io", "Role"), ("apiextensions.k8s.io", "CustomResourceDefinition"),
    ];

    /// <summary>The patch metadata of a built-in kind, or null for kinds this server does not build in (CRDs).</summary>
    public static StructuralSchema? For(string group, string kind) =>
        Catalog.TryGetValue((group, kind), out var build) ? build()
        : MetadataOnly.Contains((group, kind)) ? Kind()
        : null;

    private static StructuralSchema ObjectMeta() => Obj(
        ("ownerReferences", MergeList("uid")),
        ("finalizers", MergePrimitives()));

    private static StructuralSchema PodSpec() => Obj(
        ("containers", MergeList("name", Container())),
        ("initContainers", MergeList("name", Container())),
        ("ephemeralContainers", MergeList("name", Container())),
        ("volumes", MergeList("name", retainKeys: true)),
        ("imagePullSecrets", MergeList("name")),
        ("hostAliases", MergeList("ip")),
        ("topologySpreadConstraints", MergeList("topologyKey")),
        ("schedulingGates", MergeList("name")),
        ("resourceClaims", MergeList("name", retainKeys: true)));

    private static StructuralSchema Container() => Obj(
        ("ports", MergeList("containerPort")),
        ("env", MergeList("name")),
        ("volumeMounts", MergeList("mountPath")),
        ("volumeDevices", MergeList("devicePath")));

    private static StructuralSchema PodTemplate() => Obj(("metadata", ObjectMeta()), ("spec", PodSpec()));

    /// <summary>A controller with a pod template in <c>spec.template</c> and conditions in its status.</summary>
    private static StructuralSchema Workload(params (string Name, StructuralSchema Schema)[] moreSpec) =>
        Kind(Obj([("template", PodTemplate()), .. moreSpec]), ConditionsStatus());

    private static StructuralSchema Kind(StructuralSchema? spec = null, StructuralSchema? status = null) =>
        Obj([
            ("metadata", ObjectMeta()),
            .. spec is null ? [] : new[] { ("spec", spec) },
            .. status is null ? [] : new[] { ("status", status) },
        ]);

    private static StructuralSchema ConditionsStatus() => Obj(("conditions", Conditions()));

    private static StructuralSchema Conditions() => MergeList("type");

    private static StructuralSchema Obj(params (string Name, StructuralSchema Schema)[] properties) => new()
    {
        Type = "object",
        Properties = properties.ToDictionary(p => p.Name, p => p.Schema, StringComparer.Ordinal),
    };

    /// <summary>A list of maps merged on <paramref name="key"/>.</summary>
    private static StructuralSchema MergeList(string key, StructuralSchema? item = null, bool retainKeys = false) => new()
    {
        Type = "array",
        PatchMergeKey = key,
        PatchStrategy = retainKeys ? "merge,retainKeys" : "merge",
        Items = item ?? new StructuralSchema { Type = "object" },
    };

    /// <summary>A list of primitives merged as a set.</summary>
    private static StructuralSchema MergePrimitives() => new()
    {
        Type = "array",
        PatchStrategy = "merge",
        Items = new StructuralSchema { Type = "string" },
    };

    /// <summary>An object with a patch strategy of its own (<c>replace</c> or <c>retainKeys</c>).</summary>
    private static StructuralSchema Strategy(string strategy) => new() { Type = "object", PatchStrategy = strategy };
}
