using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Core;

[Description("A container that is waiting.")]
public sealed class ContainerStateWaiting
{
    [Description("Why it waits, such as ContainerCreating or CrashLoopBackOff.")]
    public string? Reason { get; set; }

    [Description("Details of the wait.")]
    public string? Message { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
