using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Schema;

namespace SuperKube.Model.Core;

[Description("Linux capabilities to change.")]
public sealed class Capabilities
{
    [Description("Capabilities to add.")]
    [ListType("atomic")]
    public IList<string>? Add { get; set; }

    [Description("Capabilities to remove.")]
    [ListType("atomic")]
    public IList<string>? Drop { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
