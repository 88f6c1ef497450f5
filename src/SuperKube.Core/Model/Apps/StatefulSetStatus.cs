using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Schema;

namespace SuperKube.Model.Apps;

[Description("The observed state of a StatefulSet.")]
public sealed class StatefulSetStatus
{
    [Description("Generation of the spec the status reflects.")]
    public long? ObservedGeneration { get; set; }

    [Description("Number of pods.")]
    public int? Replicas { get; set; }

    [Description("Number of ready pods.")]
    public int? ReadyReplicas { get; set; }

    [Description("Number of pods at currentRevision.")]
    public int? CurrentReplicas { get; set; }

    [Description("Number of pods at updateRevision.")]
    public int? UpdatedReplicas { get; set; }

    [Description("Revision of the pods in the first replicas ordinals.")]
    public string? CurrentRevision { get; set; }

    [Description("Revision being rolled out.")]
    public string? UpdateRevision { get; set; }

    [Description("Counter used to avoid name collisions of revisions.")]
    public int? CollisionCount { get; set; }

    [Description("Current conditions of the StatefulSet.")]
    [PatchMergeKey("type")]
    [PatchStrategy("merge")]
    [ListType("map")]
    [ListMapKeys("type")]
    public IList<StatefulSetCondition>? Conditions { get; set; }

    [Description("Number of available pods.")]
    public int? AvailableReplicas { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
