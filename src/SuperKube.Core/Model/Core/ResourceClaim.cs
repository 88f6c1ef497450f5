using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Core;

[Description("A reference to one of the pod's resource claims.")]
public sealed class ResourceClaim
{
    [Description("Name of the claim in the pod's resourceClaims.")]
    public string? Name { get; set; }

    [Description("Request within the claim to use; empty uses the whole claim.")]
    public string? Request { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
