using System.Collections.Frozen;
using SuperKube.Model.Apps;
using SuperKube.Model.Autoscaling;
using SuperKube.Model.Batch;
using SuperKube.Model.Coordination;
using SuperKube.Model.Core;
using SuperKube.Model.Discovery;
using SuperKube.Model.Policy;
using SuperKube.Model.Rbac;
using SuperKube.Model.Scheduling;
using SuperKube.Registry;

namespace SuperKube.Model;

/// <summary>The typed C# model of each built-in kind that has one (used for OpenAPI schemas).</summary>
internal static class BuiltInModels
{
    private static readonly FrozenDictionary<GroupVersionKind, Type> ByKind = new Dictionary<GroupVersionKind, Type>
    {
        [new("", "v1", "Pod")] = typeof(Pod),
        [new("", "v1", "Service")] = typeof(Service),
        [new("", "v1", "ConfigMap")] = typeof(ConfigMap),
        [new("", "v1", "ResourceQuota")] = typeof(ResourceQuota),
        [new("", "v1", "Secret")] = typeof(Secret),
        [new("", "v1", "Namespace")] = typeof(Namespace),
        [new("", "v1", "Node")] = typeof(Node),
        [new("", "v1", "Endpoints")] = typeof(Endpoints),
        [new("", "v1", "Event")] = typeof(Event),
        [new("", "v1", "ServiceAccount")] = typeof(ServiceAccount),
        [new("", "v1", "PersistentVolumeClaim")] = typeof(PersistentVolumeClaim),
        [new("apps", "v1", "Deployment")] = typeof(Deployment),
        [new("apps", "v1", "ReplicaSet")] = typeof(ReplicaSet),
        [new("apps", "v1", "StatefulSet")] = typeof(StatefulSet),
        [new("apps", "v1", "DaemonSet")] = typeof(DaemonSet),
        [new("apps", "v1", "ControllerRevision")] = typeof(ControllerRevision),
        [new("batch", "v1", "Job")] = typeof(Job),
        [new("batch", "v1", "CronJob")] = typeof(CronJob),
        [new("coordination.k8s.io", "v1", "Lease")] = typeof(Lease),
        [new("discovery.k8s.io", "v1", "EndpointSlice")] = typeof(EndpointSlice),
        [new("policy", "v1", "PodDisruptionBudget")] = typeof(PodDisruptionBudget),
        [new("policy", "v1", "Eviction")] = typeof(Eviction),
        [new("scheduling.k8s.io", "v1", "PriorityClass")] = typeof(PriorityClass),
        [new("rbac.authorization.k8s.io", "v1", "Role")] = typeof(Role),
        [new("rbac.authorization.k8s.io", "v1", "ClusterRole")] = typeof(ClusterRole),
        [new("rbac.authorization.k8s.io", "v1", "RoleBinding")] = typeof(RoleBinding),
        [new("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding")] = typeof(ClusterRoleBinding),
        [new("autoscaling", "v1", "Scale")] = typeof(Scale),
    }.ToFrozenDictionary();

    /// <summary>Every kind that has a model, with its type.</summary>
    public static IReadOnlyDictionary<GroupVersionKind, Type> All => ByKind;

    /// <summary>The model of a kind, or null when the kind has none.</summary>
    public static Type? For(string group, string version, string kind) =>
        ByKind.GetValueOrDefault(new GroupVersionKind(group, version, kind));
}
