using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Schema;

namespace SuperKube.Model.Meta;

[Description("A set-based requirement on one label key.")]
public sealed class LabelSelectorRequirement
{
    [Description("Label key the requirement tests.")]
    public string? Key { get; set; }

    [Description("How the key relates to the values: In, NotIn, Exists or DoesNotExist.")]
    public string? Operator { get; set; }

    [Description("Values compared with In and NotIn; must be empty for Exists and DoesNotExist.")]
    [ListType("atomic")]
    public IList<string>? Values { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
