using SuperKube.Model.Batch;

namespace SuperKube.Controllers.Batch;

/// <summary>
/// CronJob scheduling (upstream cronjob_controllerv2) as a pure function: the most recent scheduled time since the
/// last run (or creation) that is not past <c>startingDeadlineSeconds</c>, subject to suspend and the concurrency
/// policy (Allow runs alongside, Forbid skips while a job runs, Replace deletes the running jobs first).
/// </summary>
internal static class CronJobPlanner
{
    /// <summary>Scheduled times looked at per sync at most (upstream gives up after 100 missed ones).</summary>
    public const int MaxMissed = 100_000;

    public static CronJobDecision Decide(CronJob cronJob, CronSchedule schedule, TimeZoneInfo zone, int activeJobs, DateTimeOffset now)
    {
        var spec = cronJob.Spec;
        var next = schedule.Next(now, zone);
        if (spec?.Suspend == true)
        {
            return new CronJobDecision(null, false, null);
        }

        var earliest = cronJob.Status?.LastScheduleTime ?? cronJob.Metadata?.CreationTimestamp ?? now;
        if (spec?.StartingDeadlineSeconds is { } deadline && now.AddSeconds(-deadline) > earliest)
        {
            earliest = now.AddSeconds(-deadline);
        }

        DateTimeOffset? due = null;
        var t = schedule.Next(earliest, zone);
        for (var n = 0; t is { } time && time <= now && n < MaxMissed; n++)
        {
            due = time;
            t = schedule.Next(time, zone);
        }

        if (due is null)
        {
            return new CronJobDecision(null, false, next);
        }

        return spec?.ConcurrencyPolicy switch
        {
            "Forbid" when activeJobs > 0 => new CronJobDecision(null, false, next),
            "Replace" when activeJobs > 0 => new CronJobDecision(due, true, next),
            _ => new CronJobDecision(due, false, next),
        };
    }

    /// <summary>The name of the job for a scheduled time: the cron job's name and the time in minutes since the Unix epoch.</summary>
    public static string JobName(string cronJobName, DateTimeOffset scheduled) =>
        cronJobName + "-" + (scheduled.ToUnixTimeSeconds() / 60).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The zone of a cron job: <c>spec.timeZone</c>, else the schedule's <c>CRON_TZ=</c>, else UTC; null when unknown.</summary>
    public static TimeZoneInfo? Zone(CronJob cronJob, CronSchedule schedule)
    {
        var id = cronJob.Spec?.TimeZone ?? schedule.TimeZone;
        if (id is null or "UTC" or "Etc/UTC")
        {
            return TimeZoneInfo.Utc;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
    }
}
