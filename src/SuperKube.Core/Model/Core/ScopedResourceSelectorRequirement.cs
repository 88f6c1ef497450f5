using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Core;

[Description("A scope name, an operator and values.")]
public sealed class ScopedResourceSelectorRequirement
{
    [Description("The scope the selector applies to.")]
    public string? ScopeName { get; set; }

    [Description("In, NotIn, Exists or DoesNotExist.")]
    public string? Operator { get; set; }

    [Description("The values for In and NotIn.")]
    public IList<string>? Values { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
