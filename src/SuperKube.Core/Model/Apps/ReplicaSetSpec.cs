using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Model.Core;
using SuperKube.Model.Meta;

namespace SuperKube.Model.Apps;

[Description("The desired behaviour of a ReplicaSet.")]
public sealed class ReplicaSetSpec
{
    [Description("Number of pods wanted; defaults to 1.")]
    public int? Replicas { get; set; }

    [Description("Seconds a new pod must be ready before it counts as available.")]
    public int? MinReadySeconds { get; set; }

    [Description("Labels of the pods the ReplicaSet manages.")]
    public LabelSelector? Selector { get; set; }

    [Description("Template of the pods to create.")]
    public PodTemplateSpec? Template { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
