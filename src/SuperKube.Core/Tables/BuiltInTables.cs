namespace SuperKube.Tables;

/// <summary>The server-side Table definitions of the built-in resources, as the real 1.32 server prints them.</summary>
internal static class BuiltInTables
{
    /// <summary>
    /// The table for a built-in resource (group, plural). Resources the real server has no printer for get
    /// <see cref="DefaultTable.CreatedAt"/>; an unknown resource gets null (the default Name/Age table).
    /// </summary>
    public static TableDefinition? For(string group, string plural) => (group, plural) switch
    {
        ("", "configmaps") => CorePrinters.ConfigMaps,
        ("", "endpoints") => ServicePrinters.Endpoints,
        ("", "events") or ("events.k8s.io", "events") => EventPrinter.Table,
        ("", "limitranges") => DefaultTable.CreatedAt,
        ("", "namespaces") => CorePrinters.Namespaces,
        ("", "nodes") => NodePrinter.Table,
        ("", "persistentvolumeclaims") => StoragePrinters.PersistentVolumeClaims,
        ("", "persistentvolumes") => StoragePrinters.PersistentVolumes,
        ("", "pods") => PodPrinter.Table,
        ("", "replicationcontrollers") => WorkloadPrinters.ReplicationControllers,
        ("", "resourcequotas") => CorePrinters.ResourceQuotas,
        ("", "secrets") => CorePrinters.Secrets,
        ("", "serviceaccounts") => CorePrinters.ServiceAccounts,
        ("", "services") => ServicePrinters.Services,
        ("apps", "controllerrevisions") => WorkloadPrinters.ControllerRevisions,
        ("apps", "daemonsets") => WorkloadPrinters.DaemonSets,
        ("apps", "deployments") => WorkloadPrinters.Deployments,
        ("apps", "replicasets") => WorkloadPrinters.ReplicaSets,
        ("apps", "statefulsets") => WorkloadPrinters.StatefulSets,
        ("batch", "cronjobs") => BatchPrinters.CronJobs,
        ("batch", "jobs") => BatchPrinters.Jobs,
        ("autoscaling", "horizontalpodautoscalers") => AutoscalingPrinter.Table,
        ("coordination.k8s.io", "leases") => CorePrinters.Leases,
        ("discovery.k8s.io", "endpointslices") => ServicePrinters.EndpointSlices,
        ("policy", "poddisruptionbudgets") => PolicyPrinters.PodDisruptionBudgets,
        ("networking.k8s.io", "ingressclasses") => NetworkingPrinters.IngressClasses,
        ("networking.k8s.io", "ingresses") => NetworkingPrinters.Ingresses,
        ("networking.k8s.io", "networkpolicies") => NetworkingPrinters.NetworkPolicies,
        ("storage.k8s.io", "storageclasses") => StoragePrinters.StorageClasses,
        ("scheduling.k8s.io", "priorityclasses") => PolicyPrinters.PriorityClasses,
        ("rbac.authorization.k8s.io", "clusterrolebindings" or "rolebindings") => RbacPrinters.Bindings,
        ("rbac.authorization.k8s.io", "clusterroles" or "roles") => DefaultTable.CreatedAt,
        ("admissionregistration.k8s.io", "mutatingwebhookconfigurations" or "validatingwebhookconfigurations") => AdmissionRegistrationPrinter.WebhookConfigurations,
        ("apiextensions.k8s.io", "customresourcedefinitions") => DefaultTable.CreatedAt,
        _ => null,
    };
}
