using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Core;

[Description("A running container.")]
public sealed class ContainerStateRunning
{
    [Description("When the container last started.")]
    [JsonConverter(typeof(TimeJsonConverter))]
    public DateTimeOffset? StartedAt { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
