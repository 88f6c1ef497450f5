using System.Text.Json.Nodes;

namespace SuperKube.Validation;

/// <summary>Kind-specific validation of built-in kinds (beyond the metadata checks every kind gets).</summary>
internal static class BuiltInValidators
{
    /// <summary>The validator for a built-in kind (group, kind), or null.</summary>
    public static Func<JsonObject, JsonObject?, IReadOnlyList<FieldError>>? For(string group, string kind) => (group, kind) switch
    {
        ("", "Pod") => PodValidator.Validate,
        ("", "Service") => ServiceValidator.Validate,
        ("", "ConfigMap") => ConfigMapValidator.Validate,
        ("", "Secret") => SecretValidator.Validate,
        ("", "LimitRange") => LimitRangeValidator.Validate,
        ("scheduling.k8s.io", "PriorityClass") => PriorityClassValidator.Validate,
        ("apps", "Deployment") => WorkloadValidator.Deployment,
        ("apps", "ReplicaSet") => WorkloadValidator.ReplicaSet,
        ("apps", "StatefulSet") => WorkloadValidator.StatefulSet,
        ("apps", "DaemonSet") => WorkloadValidator.DaemonSet,
        ("batch", "Job") => JobValidator.Validate,
        ("batch", "CronJob") => CronJobValidator.Validate,
        ("admissionregistration.k8s.io", "MutatingWebhookConfiguration") => WebhookConfigurationValidator.Mutating,
        ("admissionregistration.k8s.io", "ValidatingWebhookConfiguration") => WebhookConfigurationValidator.Validating,
        ("rbac.authorization.k8s.io", "Role") => RbacValidator.Role,
        ("rbac.authorization.k8s.io", "ClusterRole") => RbacValidator.ClusterRole,
        ("rbac.authorization.k8s.io", "RoleBinding") => RbacValidator.RoleBinding,
        ("rbac.authorization.k8s.io", "ClusterRoleBinding") => RbacValidator.ClusterRoleBinding,
        ("apiextensions.k8s.io", "CustomResourceDefinition") => CustomResources.CrdValidator.Validate,
        _ => null,
    };
}
