using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Model.Meta;

namespace SuperKube.Model.Batch;

[Description("Runs pods until a number of them complete successfully.")]
public sealed class Job : IKubernetesObject
{
    [Description("Versioned schema of this representation, such as v1 or apps/v1; the server uses it to interpret the fields.")]
    public string? ApiVersion { get; set; }

    [Description("Type of the object in CamelCase, such as Pod or Deployment.")]
    public string? Kind { get; set; }

    [Description("Standard object metadata: name, namespace, labels, annotations and server bookkeeping.")]
    public ObjectMeta? Metadata { get; set; }

    [Description("The desired behaviour of the job.")]
    public JobSpec? Spec { get; set; }

    [Description("The observed state of the job.")]
    public JobStatus? Status { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
