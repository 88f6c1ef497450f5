using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Schema;

namespace SuperKube.Model.Core;

[Description("Selects one key of a Secret.")]
[MapType("atomic")]
public sealed class SecretKeySelector
{
    [Description("Name of the Secret.")]
    public string? Name { get; set; }

    [Description("Key to read.")]
    public string? Key { get; set; }

    [Description("Whether the Secret or key may be missing.")]
    public bool? Optional { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
