using System.Text.Json.Nodes;

namespace SuperKube.Defaulting;

/// <summary>
/// The standard defaulting of built-in kinds (the real server's SetDefaults functions and declarative defaults),
/// applied in place to the JSON object. Defaulters only fill what is unset: values the client sent and fields this
/// code does not know are kept.
/// </summary>
internal static class BuiltInDefaulters
{
    /// <summary>The defaulter for a built-in kind (group, kind), or null when the kind has no defaults.</summary>
    public static Action<JsonObject>? For(string group, string kind) => (group, kind) switch
    {
        ("", "Pod") => PodDefaults.Apply,
        ("", "PodTemplate") => obj => PodSpecDefaults.Template(obj["template"] as JsonObject),
        ("", "ReplicationController") => WorkloadDefaults.ReplicationController,
        ("", "Service") => ServiceDefaults.Service,
        ("", "Endpoints") => ServiceDefaults.Endpoints,
        ("", "Namespace") => CoreDefaults.Namespace,
        ("", "Secret") => CoreDefaults.Secret,
        ("", "Node") => CoreDefaults.Node,
        ("", "LimitRange") => CoreDefaults.LimitRange,
        ("", "PersistentVolume") => StorageDefaults.PersistentVolume,
        ("", "PersistentVolumeClaim") => StorageDefaults.PersistentVolumeClaim,
        ("apps", "Deployment") => WorkloadDefaults.Deployment,
        ("apps", "ReplicaSet") => WorkloadDefaults.ReplicaSet,
        ("apps", "StatefulSet") => WorkloadDefaults.StatefulSet,
        ("apps", "DaemonSet") => WorkloadDefaults.DaemonSet,
        ("batch", "Job") => BatchDefaults.Job,
        ("batch", "CronJob") => BatchDefaults.CronJob,
        ("autoscaling", "HorizontalPodAutoscaler") => AutoscalingDefaults.HorizontalPodAutoscaler,
        ("discovery.k8s.io", "EndpointSlice") => ServiceDefaults.EndpointSlice,
        ("networking.k8s.io", "NetworkPolicy") => NetworkingDefaults.NetworkPolicy,
        ("networking.k8s.io", "IngressClass") => NetworkingDefaults.IngressClass,
        ("storage.k8s.io", "StorageClass") => StorageDefaults.StorageClass,
        ("scheduling.k8s.io", "PriorityClass") => SchedulingDefaults.PriorityClass,
        ("rbac.authorization.k8s.io", "RoleBinding" or "ClusterRoleBinding") => RbacDefaults.Binding,
        ("admissionregistration.k8s.io", "MutatingWebhookConfiguration") => AdmissionRegistrationDefaults.Mutating,
        ("admissionregistration.k8s.io", "ValidatingWebhookConfiguration") => AdmissionRegistrationDefaults.Validating,
        ("apiextensions.k8s.io", "CustomResourceDefinition") => ApiExtensionsDefaults.CustomResourceDefinition,
        _ => null,
    };
}
