using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Schema;

namespace SuperKube.Model.Apps;

[Description("The observed state of a ReplicaSet.")]
public sealed class ReplicaSetStatus
{
    [Description("Number of pods.")]
    public int? Replicas { get; set; }

    [Description("Number of pods whose labels match the template's.")]
    public int? FullyLabeledReplicas { get; set; }

    [Description("Number of ready pods.")]
    public int? ReadyReplicas { get; set; }

    [Description("Number of available pods.")]
    public int? AvailableReplicas { get; set; }

    [Description("Generation of the spec the status reflects.")]
    public long? ObservedGeneration { get; set; }

    [Description("Current conditions of the ReplicaSet.")]
    [PatchMergeKey("type")]
    [PatchStrategy("merge")]
    [ListType("map")]
    [ListMapKeys("type")]
    public IList<ReplicaSetCondition>? Conditions { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
