using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Model.Meta;
using SuperKube.Schema;

namespace SuperKube.Model.Core;

[Description("A set of pods, and the topology domain they must (or must not) share with this pod.")]
public sealed class PodAffinityTerm
{
    [Description("Labels of the pods this term is about.")]
    public LabelSelector? LabelSelector { get; set; }

    [Description("Namespaces searched for those pods; the pod's own namespace when empty.")]
    [ListType("atomic")]
    public IList<string>? Namespaces { get; set; }

    [Description("Node label that defines the topology domain.")]
    public string? TopologyKey { get; set; }

    [Description("Labels of the namespaces searched for those pods.")]
    public LabelSelector? NamespaceSelector { get; set; }

    [Description("Label keys whose values, taken from this pod, are added to labelSelector.")]
    [ListType("atomic")]
    public IList<string>? MatchLabelKeys { get; set; }

    [Description("Label keys whose values, taken from this pod, are excluded by labelSelector.")]
    [ListType("atomic")]
    public IList<string>? MismatchLabelKeys { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
