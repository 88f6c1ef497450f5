using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Core;

[Description("A service account token in a projected volume.")]
public sealed class ServiceAccountTokenProjection
{
    [Description("Intended audience of the token.")]
    public string? Audience { get; set; }

    [Description("Requested lifetime of the token in seconds.")]
    public long? ExpirationSeconds { get; set; }

    [Description("Relative path of the token file.")]
    public string? Path { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
