using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Core;

[Description("One HTTP header.")]
public sealed class HTTPHeader
{
    [Description("Header name.")]
    public string? Name { get; set; }

    [Description("Header value.")]
    public string? Value { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
