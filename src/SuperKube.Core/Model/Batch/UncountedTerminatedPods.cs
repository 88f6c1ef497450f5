using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Schema;

namespace SuperKube.Model.Batch;

[Description("Finished pods of a job that the status does not count yet.")]
public sealed class UncountedTerminatedPods
{
    [Description("UIDs of succeeded pods.")]
    [ListType("set")]
    public IList<string>? Succeeded { get; set; }

    [Description("UIDs of failed pods.")]
    [ListType("set")]
    public IList<string>? Failed { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
