using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Schema;

namespace SuperKube.Model.Core;

[Description("A node query term; every requirement must hold.")]
[MapType("atomic")]
public sealed class NodeSelectorTerm
{
    [Description("Requirements on node labels.")]
    [ListType("atomic")]
    public IList<NodeSelectorRequirement>? MatchExpressions { get; set; }

    [Description("Requirements on node fields.")]
    [ListType("atomic")]
    public IList<NodeSelectorRequirement>? MatchFields { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
