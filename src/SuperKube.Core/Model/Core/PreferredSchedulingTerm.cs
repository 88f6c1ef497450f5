using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Core;

[Description("A node selector term with a weight.")]
public sealed class PreferredSchedulingTerm
{
    [Description("Weight from 1 to 100 added to the score of matching nodes.")]
    public int? Weight { get; set; }

    [Description("The term.")]
    public NodeSelectorTerm? Preference { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
