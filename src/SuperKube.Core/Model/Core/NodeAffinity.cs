using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Schema;

namespace SuperKube.Model.Core;

[Description("Node selection rules.")]
public sealed class NodeAffinity
{
    [Description("Rules a node must satisfy for the pod to be scheduled there.")]
    public NodeSelector? RequiredDuringSchedulingIgnoredDuringExecution { get; set; }

    [Description("Weighted rules the scheduler tries to satisfy.")]
    [ListType("atomic")]
    public IList<PreferredSchedulingTerm>? PreferredDuringSchedulingIgnoredDuringExecution { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
