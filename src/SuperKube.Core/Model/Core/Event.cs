using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Model.Meta;

namespace SuperKube.Model.Core;

[Description("A report of something that happened to an object.")]
public sealed class Event : IKubernetesObject
{
    [Description("Versioned schema of this representation, such as v1 or apps/v1; the server uses it to interpret the fields.")]
    public string? ApiVersion { get; set; }

    [Description("Type of the object in CamelCase, such as Pod or Deployment.")]
    public string? Kind { get; set; }

    [Description("Standard object metadata: name, namespace, labels, annotations and server bookkeeping.")]
    public ObjectMeta? Metadata { get; set; }

    [Description("Object the event is about.")]
    public ObjectReference? InvolvedObject { get; set; }

    [Description("Short CamelCase reason.")]
    public string? Reason { get; set; }

    [Description("Human-readable description.")]
    public string? Message { get; set; }

    [Description("Component that reported the event.")]
    public EventSource? Source { get; set; }

    [Description("When the event was first seen.")]
    [JsonConverter(typeof(TimeJsonConverter))]
    public DateTimeOffset? FirstTimestamp { get; set; }

    [Description("When the event was last seen.")]
    [JsonConverter(typeof(TimeJsonConverter))]
    public DateTimeOffset? LastTimestamp { get; set; }

    [Description("Number of times the event occurred.")]
    public int? Count { get; set; }

    [Description("Normal or Warning.")]
    public string? Type { get; set; }

    [Description("When the event was first observed, with microsecond precision.")]
    [JsonConverter(typeof(MicroTimeJsonConverter))]
    public DateTimeOffset? EventTime { get; set; }

    [Description("Data about a series of repeated events.")]
    public EventSeries? Series { get; set; }

    [Description("What was done, or failed, about the object.")]
    public string? Action { get; set; }

    [Description("A second object involved in the event.")]
    public ObjectReference? Related { get; set; }

    [Description("Controller that emitted the event.")]
    public string? ReportingComponent { get; set; }

    [Description("Instance of the controller that emitted the event.")]
    public string? ReportingInstance { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
