using System.Text.Json.Nodes;
using static SuperKube.Tables.JsonValues;

namespace SuperKube.Tables;

/// <summary>The tables of jobs and cron jobs.</summary>
internal static class BatchPrinters
{
    /// <summary>Name, Status, Completions, Duration, Age; wide: Containers, Images, Selector.</summary>
    public static readonly TableDefinition Jobs = new(
        [
            TableColumns.Name,
            TableColumns.Text("Status", "State of the job, from its conditions."),
            TableColumns.Text("Completions", "Succeeded pods out of the completions asked for."),
            TableColumns.Text("Duration", "Time the job ran, or has been running."),
            TableColumns.Age,
            TableColumns.Containers,
            TableColumns.Images,
            TableColumns.Selector,
        ],
        static (job, now) =>
        {
            var (names, images) = ObjectCells.Containers(Get(job, "spec", "template", "spec"));
            return [
                ObjectCells.Name(job),
                JobStatus(job),
                Completions(job),
                Duration(job, now),
                ObjectCells.Age(job, now),
                names,
                images,
                LabelSelectorText.Selector(Get(job, "spec", "selector")),
            ];
        });

    /// <summary>Name, Schedule, Timezone, Suspend, Active, Last Schedule, Age; wide: Containers, Images, Selector.</summary>
    public static readonly TableDefinition CronJobs = new(
        [
            TableColumns.Name,
            TableColumns.Text("Schedule", "Cron expression saying when jobs are created."),
            TableColumns.Text("Timezone", "Time zone the schedule is read in."),
            TableColumns.Boolean("Suspend", "Whether creating new jobs is paused."),
            TableColumns.Integer("Active", "Number of jobs of this cron job that are running."),
            TableColumns.Text("Last Schedule", "Time since a job was last scheduled."),
            TableColumns.Age,
            TableColumns.Containers,
            TableColumns.Images,
            TableColumns.Selector,
        ],
        static (cronJob, now) =>
        {
            var jobSpec = Get(cronJob, "spec", "jobTemplate", "spec");
            var (names, images) = ObjectCells.Containers(Get(jobSpec, "template", "spec"));
            var suspend = BoolOrNull(cronJob, "spec", "suspend");
            var lastSchedule = Get(cronJob, "status", "lastScheduleTime");
            return [
                ObjectCells.Name(cronJob),
                Text(cronJob, "spec", "schedule"),
                Str(cronJob, "spec", "timeZone") ?? "<none>",

                // The real server prints this boolean column as text: True, False or <unset>.
                suspend is null ? "<unset>" : suspend.Value ? "True" : "False",
                Count(cronJob, "status", "active"),
                lastSchedule is null ? "<none>" : HumanDuration.Age(lastSchedule, now),
                ObjectCells.Age(cronJob, now),
                names,
                images,
                LabelSelectorText.Selector(Get(jobSpec, "selector")),
            ];
        });

    /// <summary>Complete, Failed, Terminating, Suspended, FailureTarget or Running.</summary>
    public static string JobStatus(JsonObject job) =>
        Condition(job, "Complete") ? "Complete"
        : Condition(job, "Failed") ? "Failed"
        : ObjectCells.Deleting(job) ? "Terminating"
        : Condition(job, "Suspended") ? "Suspended"
        : Condition(job, "FailureTarget") ? "FailureTarget"
        : "Running";

    /// <summary><c>s/c</c> with completions set, else <c>s/1 of p</c> for parallelism above 1, else <c>s/1</c>.</summary>
    public static string Completions(JsonObject job)
    {
        var succeeded = Int(job, "status", "succeeded");
        if (IntOrNull(job, "spec", "completions") is { } completions)
        {
            return $"{succeeded}/{completions}";
        }

        var parallelism = Int(job, "spec", "parallelism");
        return parallelism > 1 ? $"{succeeded}/1 of {parallelism}" : $"{succeeded}/1";
    }

    private static string Duration(JsonObject job, DateTimeOffset now)
    {
        if (Time(job, "status", "startTime") is not { } start)
        {
            return "";
        }

        var end = Time(job, "status", "completionTime") ?? now;
        return HumanDuration.Format(end - start);
    }

    private static bool Condition(JsonObject job, string type) => ConditionTrue(job, type, "status", "conditions");
}
