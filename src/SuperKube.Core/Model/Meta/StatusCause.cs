using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Meta;

[Description("One problem found while handling a request.")]
public sealed class StatusCause
{
    [Description("Machine-readable reason of the problem.")]
    public string? Reason { get; set; }

    [Description("Human-readable description of the problem.")]
    public string? Message { get; set; }

    [Description("Path of the field the problem is about, such as spec.containers[0].name.")]
    public string? Field { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
