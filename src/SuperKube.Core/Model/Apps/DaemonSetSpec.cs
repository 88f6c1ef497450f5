using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Model.Core;
using SuperKube.Model.Meta;

namespace SuperKube.Model.Apps;

[Description("The desired behaviour of a DaemonSet.")]
public sealed class DaemonSetSpec
{
    [Description("Labels of the pods the DaemonSet manages.")]
    public LabelSelector? Selector { get; set; }

    [Description("Template of the pods to create.")]
    public PodTemplateSpec? Template { get; set; }

    [Description("How pods are replaced when the template changes.")]
    public DaemonSetUpdateStrategy? UpdateStrategy { get; set; }

    [Description("Seconds a new pod must be ready before it counts as available.")]
    public int? MinReadySeconds { get; set; }

    [Description("Number of old revisions kept.")]
    public int? RevisionHistoryLimit { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
