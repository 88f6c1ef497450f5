using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Schema;

namespace SuperKube.Model.Meta;

[Description("A label query; an object matches when every term matches. An empty selector matches everything.")]
[MapType("atomic")]
public sealed class LabelSelector
{
    [Description("Key/value pairs that must all be present among the labels.")]
    public IDictionary<string, string>? MatchLabels { get; set; }

    [Description("Set-based requirements that must all hold.")]
    [ListType("atomic")]
    public IList<LabelSelectorRequirement>? MatchExpressions { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
