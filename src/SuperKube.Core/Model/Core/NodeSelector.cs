using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Schema;

namespace SuperKube.Model.Core;

[Description("A node query; a node matches when any term matches.")]
[MapType("atomic")]
public sealed class NodeSelector
{
    [Description("The alternative terms.")]
    [ListType("atomic")]
    public IList<NodeSelectorTerm>? NodeSelectorTerms { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
