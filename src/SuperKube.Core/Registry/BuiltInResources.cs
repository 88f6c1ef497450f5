using SuperKube.Defaulting;
using SuperKube.Model;
using SuperKube.Selection;
using SuperKube.Tables;
using SuperKube.Validation;

namespace SuperKube.Registry;

/// <summary>
/// The built-in resources the server serves, with the short names, categories and subresources of the real
/// 1.32 server. They are registered exactly like user resources, through <see cref="IResourceRegistry"/>.
/// </summary>
public static class BuiltInResources
{
    private static readonly string[] StatusVerbs = ["get", "patch", "update"];

    /// <summary>Creates the built-in resource types.</summary>
    public static IReadOnlyList<ResourceType> Create()
    {
        var all = new[] { "all" };
        return
        [
            // core/v1
            Core("", "v1", "ConfigMap", "configmaps", shortNames: ["cm"]),
            Core("", "v1", "Endpoints", "endpoints", shortNames: ["ep"], singular: "endpoints"),
            Core("", "v1", "Event", "events", shortNames: ["ev"], storageKey: "/events"),
            Core("", "v1", "LimitRange", "limitranges", shortNames: ["limits"]),
            Core("", "v1", "Namespace", "namespaces", cluster: true, shortNames: ["ns"], status: true, names: NamePolicy.Label,
                extra: [Sub("finalize", "", "v1", "Namespace", ["update"])]),
            Core("", "v1", "Node", "nodes", cluster: true, shortNames: ["no"], status: true),
            Core("", "v1", "PersistentVolumeClaim", "persistentvolumeclaims", shortNames: ["pvc"], status: true),
            Core("", "v1", "PersistentVolume", "persistentvolumes", cluster: true, shortNames: ["pv"], status: true),
            Core("", "v1", "Pod", "pods", shortNames: ["po"], categories: all, status: true, returnDeleted: true,
                extra: [Sub("binding", "", "v1", "Binding", ["create"]), Sub("eviction", "policy", "v1", "Eviction", ["create"]), Sub("log", "", "v1", "Pod", ["get"]),
                    Sub("exec", "", "v1", "PodExecOptions", ["create", "get"]), Sub("attach", "", "v1", "PodAttachOptions", ["create", "get"]),
                    Sub("portforward", "", "v1", "PodPortForwardOptions", ["create", "get"])]),
            Core("", "v1", "ReplicationController", "replicationcontrollers", shortNames: ["rc"], categories: all, status: true, scale: true),
            Core("", "v1", "ResourceQuota", "resourcequotas", shortNames: ["quota"], status: true),
            Core("", "v1", "Secret", "secrets"),
            Core("", "v1", "ServiceAccount", "serviceaccounts", shortNames: ["sa"], extra: [Sub("token", "authentication.k8s.io", "v1", "TokenRequest", ["create"])]),
            Core("", "v1", "Service", "services", shortNames: ["svc"], categories: all, status: true, names: NamePolicy.Label, returnDeleted: true),

            // apps/v1
            Core("apps", "v1", "ControllerRevision", "controllerrevisions"),
            Core("apps", "v1", "DaemonSet", "daemonsets", shortNames: ["ds"], categories: all, status: true),
            Core("apps", "v1", "Deployment", "deployments", shortNames: ["deploy"], categories: all, status: true, scale: true),
            Core("apps", "v1", "ReplicaSet", "replicasets", shortNames: ["rs"], categories: all, status: true, scale: true),
            Core("apps", "v1", "StatefulSet", "statefulsets", shortNames: ["sts"], categories: all, status: true, scale: true),

            // batch/v1
            Core("batch", "v1", "CronJob", "cronjobs", shortNames: ["cj"], categories: all, status: true),
            Core("batch", "v1", "Job", "jobs", categories: all, status: true),

            // autoscaling: v2 is the storage version; v1 serves the same objects.
            Core("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", shortNames: ["hpa"], categories: all, status: true),
            Core("autoscaling", "v1", "HorizontalPodAutoscaler", "horizontalpodautoscalers", shortNames: ["hpa"], categories: all, status: true),

            Core("coordination.k8s.io", "v1", "Lease", "leases"),
            Core("discovery.k8s.io", "v1", "EndpointSlice", "endpointslices"),
            Core("events.k8s.io", "v1", "Event", "events", shortNames: ["ev"], storageKey: "/events"),
            Core("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", shortNames: ["pdb"], status: true),
            Core("networking.k8s.io", "v1", "IngressClass", "ingressclasses", cluster: true),
            Core("networking.k8s.io", "v1", "Ingress", "ingresses", shortNames: ["ing"], status: true),
            Core("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", shortNames: ["netpol"]),
            Core("storage.k8s.io", "v1", "StorageClass", "storageclasses", cluster: true, shortNames: ["sc"]),
            Core("scheduling.k8s.io", "v1", "PriorityClass", "priorityclasses", cluster: true, shortNames: ["pc"]),
            Core("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", cluster: true, names: NamePolicy.PathSegment),
            Core("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", cluster: true, names: NamePolicy.PathSegment),
            Core("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", names: NamePolicy.PathSegment),
            Core("rbac.authorization.k8s.io", "v1", "Role", "roles", names: NamePolicy.PathSegment),
            Review("authentication.k8s.io", "SelfSubjectReview", "selfsubjectreviews"),
            Review("authorization.k8s.io", "SelfSubjectAccessReview", "selfsubjectaccessreviews"),
            Review("authorization.k8s.io", "SelfSubjectRulesReview", "selfsubjectrulesreviews"),
            Core("admissionregistration.k8s.io", "v1", "MutatingWebhookConfiguration", "mutatingwebhookconfigurations", cluster: true, categories: ["api-extensions"]),
            Core("admissionregistration.k8s.io", "v1", "ValidatingWebhookConfiguration", "validatingwebhookconfigurations", cluster: true, categories: ["api-extensions"]),
            Core("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", cluster: true,
                shortNames: ["crd", "crds"], categories: ["api-extensions"], status: true),
        ];
    }

    /// <summary>A create-only review resource answered from the request alone and never stored.</summary>
    private static ResourceType Review(string group, string kind, string plural) =>
        new()
        {
            Group = group,
            Version = "v1",
            Kind = kind,
            Plural = plural,
            Scope = ResourceScope.Cluster,
            Verbs = ["create"],
            IsVirtual = true,
            Strategy = new ResourceStrategy(false, NamePolicy.Subdomain, false),
        };

    private static SubresourceInfo Sub(string name, string group, string version, string kind, IReadOnlyList<string> verbs) =>
        new(name, new GroupVersionKind(group, version, kind), verbs);

    private static ResourceType Core(
        string group,
        string version,
        string kind,
        string plural,
        bool cluster = false,
        string[]? shortNames = null,
        string[]? categories = null,
        bool status = false,
        bool scale = false,
        NamePolicy names = NamePolicy.Subdomain,
        string? singular = null,
        string? storageKey = null,
        SubresourceInfo[]? extra = null,
        bool returnDeleted = false)
    {
        var subresources = new List<SubresourceInfo>();
        if (status)
        {
            subresources.Add(Sub("status", group, version, kind, StatusVerbs));
        }

        if (scale)
        {
            subresources.Add(Sub("scale", "autoscaling", "v1", "Scale", StatusVerbs));
        }

        subresources.AddRange(extra ?? []);
        subresources.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        var scope = cluster ? ResourceScope.Cluster : ResourceScope.Namespaced;
        return new ResourceType
        {
            Group = group,
            Version = version,
            Kind = kind,
            Plural = plural,
            Singular = singular ?? kind.ToLowerInvariant(),
            Scope = scope,
            ShortNames = shortNames ?? [],
            Categories = categories ?? [],
            Subresources = subresources,
            Table = BuiltInTables.For(group, plural),
            SelectableFields = BuiltInFieldSelectors.For(group, kind),
            ModelType = BuiltInModels.For(group, version, kind),
            NamePolicy = names,
            ReturnDeletedObject = returnDeleted,
            StorageKey = storageKey ?? $"{group}/{plural}",
            Strategy = new ResourceStrategy(
                status, names, !cluster, BuiltInDefaulters.For(group, kind), BuiltInValidators.For(group, kind)),
        };
    }
}
