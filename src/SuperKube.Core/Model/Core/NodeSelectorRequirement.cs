using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Schema;

namespace SuperKube.Model.Core;

[Description("A requirement on a node label or field.")]
public sealed class NodeSelectorRequirement
{
    [Description("Label key or field name.")]
    public string? Key { get; set; }

    [Description("In, NotIn, Exists, DoesNotExist, Gt or Lt.")]
    public string? Operator { get; set; }

    [Description("Values to compare with.")]
    [ListType("atomic")]
    public IList<string>? Values { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
