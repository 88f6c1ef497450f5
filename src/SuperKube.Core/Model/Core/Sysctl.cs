using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Core;

[Description("One kernel parameter.")]
public sealed class Sysctl
{
    [Description("Name of the parameter.")]
    public string? Name { get; set; }

    [Description("Value to set.")]
    public string? Value { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
