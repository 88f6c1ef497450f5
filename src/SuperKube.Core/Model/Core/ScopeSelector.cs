using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Core;

[Description("A list of scope selector requirements; all must match.")]
public sealed class ScopeSelector
{
    [Description("The requirements, ANDed.")]
    public IList<ScopedResourceSelectorRequirement>? MatchExpressions { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
