using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Schema;

namespace SuperKube.Model.Apps;

[Description("The observed state of a deployment.")]
public sealed class DeploymentStatus
{
    [Description("Generation of the spec the status reflects.")]
    public long? ObservedGeneration { get; set; }

    [Description("Number of pods of all its ReplicaSets.")]
    public int? Replicas { get; set; }

    [Description("Number of pods of the current template.")]
    public int? UpdatedReplicas { get; set; }

    [Description("Number of ready pods.")]
    public int? ReadyReplicas { get; set; }

    [Description("Number of available pods.")]
    public int? AvailableReplicas { get; set; }

    [Description("Number of pods still needed to reach the desired count.")]
    public int? UnavailableReplicas { get; set; }

    [Description("Current conditions of the deployment.")]
    [PatchMergeKey("type")]
    [PatchStrategy("merge")]
    [ListType("map")]
    [ListMapKeys("type")]
    public IList<DeploymentCondition>? Conditions { get; set; }

    [Description("Counter used to avoid name collisions of ReplicaSets.")]
    public int? CollisionCount { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
