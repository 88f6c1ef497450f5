using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Schema;

namespace SuperKube.Model.Core;

[Description("Rules that keep the pod apart from other pods.")]
public sealed class PodAntiAffinity
{
    [Description("Terms that must all be satisfied.")]
    [ListType("atomic")]
    public IList<PodAffinityTerm>? RequiredDuringSchedulingIgnoredDuringExecution { get; set; }

    [Description("Weighted terms the scheduler prefers to satisfy.")]
    [ListType("atomic")]
    public IList<WeightedPodAffinityTerm>? PreferredDuringSchedulingIgnoredDuringExecution { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
