using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Schema;

namespace SuperKube.Model.Batch;

[Description("The observed state of a job.")]
public sealed class JobStatus
{
    [Description("Current conditions of the job.")]
    [PatchMergeKey("type")]
    [PatchStrategy("merge")]
    [ListType("atomic")]
    public IList<JobCondition>? Conditions { get; set; }

    [Description("When the job started.")]
    [JsonConverter(typeof(TimeJsonConverter))]
    public DateTimeOffset? StartTime { get; set; }

    [Description("When the job completed.")]
    [JsonConverter(typeof(TimeJsonConverter))]
    public DateTimeOffset? CompletionTime { get; set; }

    [Description("Number of pending or running pods.")]
    public int? Active { get; set; }

    [Description("Number of pods that succeeded.")]
    public int? Succeeded { get; set; }

    [Description("Number of pods that failed.")]
    public int? Failed { get; set; }

    [Description("Number of pods shutting down.")]
    public int? Terminating { get; set; }

    [Description("Completed indexes of an indexed job, as ranges.")]
    public string? CompletedIndexes { get; set; }

    [Description("Failed indexes of an indexed job, as ranges.")]
    public string? FailedIndexes { get; set; }

    [Description("Finished pods not counted in the status yet.")]
    public UncountedTerminatedPods? UncountedTerminatedPods { get; set; }

    [Description("Number of ready pods.")]
    public int? Ready { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
