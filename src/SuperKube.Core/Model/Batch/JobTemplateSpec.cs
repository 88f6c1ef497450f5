using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Model.Meta;

namespace SuperKube.Model.Batch;

[Description("The template from which a cron job creates jobs.")]
public sealed class JobTemplateSpec
{
    [Description("Metadata given to the created jobs.")]
    public ObjectMeta? Metadata { get; set; }

    [Description("Spec given to the created jobs.")]
    public JobSpec? Spec { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
