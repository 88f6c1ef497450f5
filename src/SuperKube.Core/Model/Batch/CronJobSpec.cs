using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model.Batch;

[Description("The desired behaviour of a cron job.")]
public sealed class CronJobSpec
{
    [Description("Schedule in cron format.")]
    public string? Schedule { get; set; }

    [Description("Time zone the schedule is read in.")]
    public string? TimeZone { get; set; }

    [Description("Seconds after a missed time during which the job may still start.")]
    public long? StartingDeadlineSeconds { get; set; }

    [Description("What to do when a run is due while another runs: Allow, Forbid or Replace.")]
    public string? ConcurrencyPolicy { get; set; }

    [Description("Stop starting new runs.")]
    public bool? Suspend { get; set; }

    [Description("Template of the jobs to create.")]
    public JobTemplateSpec? JobTemplate { get; set; }

    [Description("Successful jobs to keep.")]
    public int? SuccessfulJobsHistoryLimit { get; set; }

    [Description("Failed jobs to keep.")]
    public int? FailedJobsHistoryLimit { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
