using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Core;

[Description("The origin of an event.")]
public sealed class EventSource
{
    [Description("Component that reported the event.")]
    public string? Component { get; set; }

    [Description("Node on which the event was produced.")]
    public string? Host { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
