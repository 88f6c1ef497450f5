using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Schema;

namespace SuperKube.Model.Core;

[Description("The desired behaviour of a pod.")]
public sealed class PodSpec
{
    [Description("Volumes the containers of the pod can mount.")]
    [PatchMergeKey("name")]
    [PatchStrategy("merge,retainKeys")]
    [ListType("map")]
    [ListMapKeys("name")]
    public IList<Volume>? Volumes { get; set; }

    [Description("Containers that run one after another to completion before the application containers start.")]
    [PatchMergeKey("name")]
    [PatchStrategy("merge")]
    [ListType("map")]
    [ListMapKeys("name")]
    public IList<Container>? InitContainers { get; set; }

    [Description("The application containers of the pod; at least one is required.")]
    [PatchMergeKey("name")]
    [PatchStrategy("merge")]
    [ListType("map")]
    [ListMapKeys("name")]
    public IList<Container>? Containers { get; set; }

    [Description("When containers are restarted after they exit: Always, OnFailure or Never.")]
    public string? RestartPolicy { get; set; }

    [Description("Seconds the pod gets to stop gracefully once deletion is requested.")]
    public long? TerminationGracePeriodSeconds { get; set; }

    [Description("Seconds the pod may be active, counted from its start, before the system fails it.")]
    public long? ActiveDeadlineSeconds { get; set; }

    [Description("How the pod's DNS is set up: ClusterFirst, ClusterFirstWithHostNet, Default or None.")]
    public string? DnsPolicy { get; set; }

    [Description("Labels a node must carry for the pod to be placed on it.")]
    [MapType("atomic")]
    public IDictionary<string, string>? NodeSelector { get; set; }

    [Description("Service account whose identity the pod runs with.")]
    public string? ServiceAccountName { get; set; }

    [Description("Deprecated alias of serviceAccountName.")]
    public string? ServiceAccount { get; set; }

    [Description("Whether the service account token is mounted into the containers automatically.")]
    public bool? AutomountServiceAccountToken { get; set; }

    [Description("Node the pod is bound to; normally written by the scheduler.")]
    public string? NodeName { get; set; }

    [Description("Run the pod in the node's network namespace.")]
    public bool? HostNetwork { get; set; }

    [Description("Run the pod in the node's process ID namespace.")]
    public bool? HostPID { get; set; }

    [Description("Run the pod in the node's IPC namespace.")]
    public bool? HostIPC { get; set; }

    [Description("Put all containers of the pod into a single process namespace.")]
    public bool? ShareProcessNamespace { get; set; }

    [Description("Security settings for the pod as a whole.")]
    public PodSecurityContext? SecurityContext { get; set; }

    [Description("Secrets that hold credentials for pulling the images.")]
    [PatchMergeKey("name")]
    [PatchStrategy("merge")]
    [ListType("map")]
    [ListMapKeys("name")]
    public IList<LocalObjectReference>? ImagePullSecrets { get; set; }

    [Description("Host name of the pod; defaults to the pod's name.")]
    public string? Hostname { get; set; }

    [Description("Subdomain that, together with a headless service of the same name, gives the pod a DNS name.")]
    public string? Subdomain { get; set; }

    [Description("Scheduling rules based on the labels of nodes and of other pods.")]
    public Affinity? Affinity { get; set; }

    [Description("Scheduler that places the pod.")]
    public string? SchedulerName { get; set; }

    [Description("Node taints the pod tolerates.")]
    [ListType("atomic")]
    public IList<Toleration>? Tolerations { get; set; }

    [Description("Extra entries written into the pod's hosts file.")]
    [PatchMergeKey("ip")]
    [PatchStrategy("merge")]
    [ListType("map")]
    [ListMapKeys("ip")]
    public IList<HostAlias>? HostAliases { get; set; }

    [Description("PriorityClass that sets the priority of the pod.")]
    public string? PriorityClassName { get; set; }

    [Description("Scheduling priority, resolved by the server from priorityClassName.")]
    public int? Priority { get; set; }

    [Description("DNS settings merged into those produced by dnsPolicy.")]
    public PodDNSConfig? DnsConfig { get; set; }

    [Description("Extra pod conditions that must be true before the pod counts as ready.")]
    [ListType("atomic")]
    public IList<PodReadinessGate>? ReadinessGates { get; set; }

    [Description("RuntimeClass used to run the pod.")]
    public string? RuntimeClassName { get; set; }

    [Description("Whether environment variables describing services are injected into the containers.")]
    public bool? EnableServiceLinks { get; set; }

    [Description("Whether the pod may preempt lower-priority pods: PreemptLowerPriority or Never.")]
    public string? PreemptionPolicy { get; set; }

    [Description("Resources the pod sandbox uses on top of the containers' requests.")]
    [JsonConverter(typeof(QuantityDictionaryJsonConverter))]
    public IDictionary<string, string>? Overhead { get; set; }

    [Description("Rules for spreading matching pods across topology domains.")]
    [PatchMergeKey("topologyKey")]
    [PatchStrategy("merge")]
    [ListType("map")]
    [ListMapKeys("topologyKey", "whenUnsatisfiable")]
    public IList<TopologySpreadConstraint>? TopologySpreadConstraints { get; set; }

    [Description("Use the fully qualified domain name as the host name inside the containers.")]
    public bool? SetHostnameAsFQDN { get; set; }

    [Description("Operating system the pod's containers need.")]
    public PodOS? Os { get; set; }

    [Description("Whether the pod uses the node's user namespace; false gives it its own.")]
    public bool? HostUsers { get; set; }

    [Description("Gates that hold the pod back from scheduling until every one is removed.")]
    [PatchMergeKey("name")]
    [PatchStrategy("merge")]
    [ListType("map")]
    [ListMapKeys("name")]
    public IList<PodSchedulingGate>? SchedulingGates { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
