using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Schema;

namespace SuperKube.Model.Core;

[Description("The observed state of a pod.")]
public sealed class PodStatus
{
    [Description("Coarse summary of the pod's lifecycle: Pending, Running, Succeeded, Failed or Unknown.")]
    public string? Phase { get; set; }

    [Description("Current conditions of the pod.")]
    [PatchMergeKey("type")]
    [PatchStrategy("merge")]
    [ListType("map")]
    [ListMapKeys("type")]
    public IList<PodCondition>? Conditions { get; set; }

    [Description("Human-readable detail about the pod's state.")]
    public string? Message { get; set; }

    [Description("Short CamelCase reason for the pod's state.")]
    public string? Reason { get; set; }

    [Description("Node on which the pod is expected to run after preemption.")]
    public string? NominatedNodeName { get; set; }

    [Description("Primary IP of the node the pod runs on.")]
    public string? HostIP { get; set; }

    [Description("IP addresses of the node the pod runs on.")]
    [PatchMergeKey("ip")]
    [PatchStrategy("merge")]
    [ListType("atomic")]
    public IList<HostIP>? HostIPs { get; set; }

    [Description("Primary IP of the pod.")]
    public string? PodIP { get; set; }

    [Description("IP addresses of the pod.")]
    [PatchMergeKey("ip")]
    [PatchStrategy("merge")]
    [ListType("map")]
    [ListMapKeys("ip")]
    public IList<PodIP>? PodIPs { get; set; }

    [Description("When the kubelet accepted the pod.")]
    [JsonConverter(typeof(TimeJsonConverter))]
    public DateTimeOffset? StartTime { get; set; }

    [Description("State of each init container.")]
    [ListType("atomic")]
    public IList<ContainerStatus>? InitContainerStatuses { get; set; }

    [Description("State of each application container.")]
    [ListType("atomic")]
    public IList<ContainerStatus>? ContainerStatuses { get; set; }

    [Description("Quality of service class: Guaranteed, Burstable or BestEffort.")]
    public string? QosClass { get; set; }

    [Description("State of each ephemeral container.")]
    [ListType("atomic")]
    public IList<ContainerStatus>? EphemeralContainerStatuses { get; set; }

    [Description("Progress of a requested resource resize.")]
    public string? Resize { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
