using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Meta;

[Description("One standard observation about an aspect of an object's state.")]
public sealed class Condition
{
    [Description("Name of the aspect in CamelCase, such as Ready or Available.")]
    public string? Type { get; set; }

    [Description("Whether the condition holds: True, False or Unknown.")]
    public string? Status { get; set; }

    [Description("metadata.generation of the object when the condition was last computed.")]
    public long? ObservedGeneration { get; set; }

    [Description("When status last changed.")]
    [JsonConverter(typeof(TimeJsonConverter))]
    public DateTimeOffset? LastTransitionTime { get; set; }

    [Description("Short machine-readable CamelCase cause of the last transition.")]
    public string? Reason { get; set; }

    [Description("Human-readable details of the last transition.")]
    public string? Message { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
