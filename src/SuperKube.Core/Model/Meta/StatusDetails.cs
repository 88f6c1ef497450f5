using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Schema;

namespace SuperKube.Model.Meta;

[Description("Extra information about a failed request.")]
public sealed class StatusDetails
{
    [Description("Name of the object the result is about.")]
    public string? Name { get; set; }

    [Description("API group of the object.")]
    public string? Group { get; set; }

    [Description("Kind of the object.")]
    public string? Kind { get; set; }

    [Description("UID of the object.")]
    public string? Uid { get; set; }

    [Description("The individual problems that made up the failure.")]
    [ListType("atomic")]
    public IList<StatusCause>? Causes { get; set; }

    [Description("Seconds the client should wait before trying again.")]
    public int? RetryAfterSeconds { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
