using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Core;

[Description("A container that has exited.")]
public sealed class ContainerStateTerminated
{
    [Description("Exit code of the process.")]
    public int? ExitCode { get; set; }

    [Description("Signal that ended the process, if any.")]
    public int? Signal { get; set; }

    [Description("Short reason, such as Completed or Error.")]
    public string? Reason { get; set; }

    [Description("Details of the termination.")]
    public string? Message { get; set; }

    [Description("When the run started.")]
    [JsonConverter(typeof(TimeJsonConverter))]
    public DateTimeOffset? StartedAt { get; set; }

    [Description("When the run ended.")]
    [JsonConverter(typeof(TimeJsonConverter))]
    public DateTimeOffset? FinishedAt { get; set; }

    [Description("Runtime ID of the container.")]
    public string? ContainerID { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
