using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Core;

[Description("The state of a container; exactly one member is set.")]
public sealed class ContainerState
{
    [Description("The container is not running yet.")]
    public ContainerStateWaiting? Waiting { get; set; }

    [Description("The container is running.")]
    public ContainerStateRunning? Running { get; set; }

    [Description("The container has exited.")]
    public ContainerStateTerminated? Terminated { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
