namespace SuperKube.Client;

/// <summary>A resource as clients address it: group, version and plural (<c>apps</c>, <c>v1</c>, <c>deployments</c>).</summary>
public readonly record struct ApiResource(string Group, string Version, string Plural)
{
    public static readonly ApiResource Namespaces = new("", "v1", "namespaces");
    public static readonly ApiResource Nodes = new("", "v1", "nodes");
    public static readonly ApiResource Pods = new("", "v1", "pods");
    public static readonly ApiResource Services = new("", "v1", "services");
    public static readonly ApiResource Endpoints = new("", "v1", "endpoints");
    public static readonly ApiResource ConfigMaps = new("", "v1", "configmaps");
    public static readonly ApiResource Secrets = new("", "v1", "secrets");
    public static readonly ApiResource Events = new("", "v1", "events");
    public static readonly ApiResource ServiceAccounts = new("", "v1", "serviceaccounts");
    public static readonly ApiResource Deployments = new("apps", "v1", "deployments");
    public static readonly ApiResource ReplicaSets = new("apps", "v1", "replicasets");
    public static readonly ApiResource StatefulSets = new("apps", "v1", "statefulsets");
    public static readonly ApiResource DaemonSets = new("apps", "v1", "daemonsets");
    public static readonly ApiResource ControllerRevisions = new("apps", "v1", "controllerrevisions");
    public static readonly ApiResource Jobs = new("batch", "v1", "jobs");
    public static readonly ApiResource CronJobs = new("batch", "v1", "cronjobs");
    public static readonly ApiResource Leases = new("coordination.k8s.io", "v1", "leases");
    public static readonly ApiResource EndpointSlices = new("discovery.k8s.io", "v1", "endpointslices");
    public static readonly ApiResource PodDisruptionBudgets = new("policy", "v1", "poddisruptionbudgets");
    public static readonly ApiResource PriorityClasses = new("scheduling.k8s.io", "v1", "priorityclasses");

    /// <summary>The URL path prefix: <c>/api/v1</c> or <c>/apis/apps/v1</c>.</summary>
    public string PathPrefix => Group.Length == 0 ? $"/api/{Version}" : $"/apis/{Group}/{Version}";

    public override string ToString() => Group.Length == 0 ? $"{Plural}/{Version}" : $"{Plural}.{Group}/{Version}";
}
