using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Schema;

namespace SuperKube.Model.Core;

[Description("The keys of a ConfigMap in a projected volume.")]
public sealed class ConfigMapProjection
{
    [Description("Name of the ConfigMap.")]
    public string? Name { get; set; }

    [Description("Keys to expose; all keys when empty.")]
    [ListType("atomic")]
    public IList<KeyToPath>? Items { get; set; }

    [Description("Whether the ConfigMap may be missing.")]
    public bool? Optional { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
