using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Core;

[Description("Repetitions of an event.")]
public sealed class EventSeries
{
    [Description("Number of occurrences so far.")]
    public int? Count { get; set; }

    [Description("When the last occurrence was seen.")]
    [JsonConverter(typeof(MicroTimeJsonConverter))]
    public DateTimeOffset? LastObservedTime { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
