using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Meta;

[Description("The result of a request that returns no object, usually an error.")]
public sealed class Status
{
    [Description("Versioned schema of this representation, such as v1 or apps/v1; the server uses it to interpret the fields.")]
    public string? ApiVersion { get; set; }

    [Description("Type of the object in CamelCase, such as Pod or Deployment.")]
    public string? Kind { get; set; }

    [Description("Standard list metadata.")]
    public ListMeta? Metadata { get; set; }

    [Description("Outcome of the request: Success or Failure.")]
    [JsonPropertyName("status")]
    public string? StatusValue { get; set; }

    [Description("Human-readable account of the result.")]
    public string? Message { get; set; }

    [Description("Machine-readable CamelCase reason such as NotFound or AlreadyExists.")]
    public string? Reason { get; set; }

    [Description("Extra information whose meaning depends on the reason.")]
    public StatusDetails? Details { get; set; }

    [Description("HTTP status code that suits the result.")]
    public int? Code { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
