using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SuperKube.Model.Core;
using SuperKube.Schema;

namespace SuperKube.Model.Batch;

[Description("The observed state of a cron job.")]
public sealed class CronJobStatus
{
    [Description("Jobs that are running.")]
    [ListType("atomic")]
    public IList<ObjectReference>? Active { get; set; }

    [Description("When a job was last scheduled.")]
    [JsonConverter(typeof(TimeJsonConverter))]
    public DateTimeOffset? LastScheduleTime { get; set; }

    [Description("When a job last completed successfully.")]
    [JsonConverter(typeof(TimeJsonConverter))]
    public DateTimeOffset? LastSuccessfulTime { get; set; }

    [Description("Fields this type does not model, kept so that a read-modify-write does not lose them.")]
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
