using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Core;

[Description("The observed state of one container.")]
public sealed class ContainerStatus
{
    [Description("Name of the container.")]
    public string? Name { get; set; }

    [Description("Current state.")]
    public ContainerState? State { get; set; }

    [Description("State of the previous run, if any.")]
    public ContainerState? LastState { get; set; }

    [Description("Whether the container passes its readiness probe.")]
    public bool? Ready { get; set; }

    [Description("Number of restarts.")]
    public int? RestartCount { get; set; }

    [Description("Image the container runs.")]
    public string? Image { get; set; }

    [Description("Resolved ID of the image.")]
    public string? ImageID { get; set; }

    [Description("Runtime ID of the container, as runtime://id.")]
    public string? ContainerID { get; set; }

    [Description("Whether the container has started and passed its startup probe.")]
    public bool? Started { get; set; }

    [Description("Resources the node has set aside for the container.")]
    [JsonConverter(typeof(QuantityDictionaryJsonConverter))]
    public IDictionary<string, string>? AllocatedResources { get; set; }

    [Description("Resources the container actually has.")]
    public ResourceRequirements? Resources { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
