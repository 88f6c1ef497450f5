using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Model.Meta;

namespace SuperKube.Model.Scheduling;

[Description("Maps a priority class name to a pod priority.")]
public sealed class PriorityClass : IKubernetesObject
{
    [Description("Versioned schema of this representation, such as v1 or apps/v1; the server uses it to interpret the fields.")]
    public string? ApiVersion { get; set; }

    [Description("Type of the object in CamelCase, such as Pod or Deployment.")]
    public string? Kind { get; set; }

    [Description("Standard object metadata: name, namespace, labels, annotations and server bookkeeping.")]
    public ObjectMeta? Metadata { get; set; }

    [Description("Priority of pods that use the class.")]
    public int? Value { get; set; }

    [Description("Use this class for pods that name none.")]
    public bool? GlobalDefault { get; set; }

    [Description("What the class is for.")]
    public string? Description { get; set; }

    [Description("PreemptLowerPriority or Never.")]
    public string? PreemptionPolicy { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
