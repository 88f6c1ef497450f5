using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Core;

[Description("Actions the kubelet runs at container lifecycle events.")]
public sealed class Lifecycle
{
    [Description("Runs right after the container is created.")]
    public LifecycleHandler? PostStart { get; set; }

    [Description("Runs right before the container is stopped.")]
    public LifecycleHandler? PreStop { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
