using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Model.Core;
using SuperKube.Model.Meta;
using SuperKube.Schema;

namespace SuperKube.Model.Apps;

[Description("The desired behaviour of a StatefulSet.")]
public sealed class StatefulSetSpec
{
    [Description("Number of pods wanted; defaults to 1.")]
    public int? Replicas { get; set; }

    [Description("Labels of the pods the StatefulSet manages.")]
    public LabelSelector? Selector { get; set; }

    [Description("Template of the pods to create.")]
    public PodTemplateSpec? Template { get; set; }

    [Description("Claims created for every pod.")]
    [ListType("atomic")]
    public IList<PersistentVolumeClaim>? VolumeClaimTemplates { get; set; }

    [Description("Headless service that gives the pods their network identity.")]
    public string? ServiceName { get; set; }

    [Description("OrderedReady or Parallel.")]
    public string? PodManagementPolicy { get; set; }

    [Description("How pods are replaced when the template changes.")]
    public StatefulSetUpdateStrategy? UpdateStrategy { get; set; }

    [Description("Number of old revisions kept.")]
    public int? RevisionHistoryLimit { get; set; }

    [Description("Seconds a new pod must be ready before it counts as available.")]
    public int? MinReadySeconds { get; set; }

    [Description("What happens to the claims when pods go away.")]
    public StatefulSetPersistentVolumeClaimRetentionPolicy? PersistentVolumeClaimRetentionPolicy { get; set; }

    [Description("Numbering of the pods.")]
    public StatefulSetOrdinals? Ordinals { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
