using System.Text.Json.Nodes;

namespace SuperKube.Validation;

/// <summary>
/// Validation of batch/v1 CronJobs: a parsable schedule without TZ, the concurrency policy, non-negative limits, a
/// valid job template, and a name short enough to leave room for the job suffix (52 characters).
/// </summary>
internal static class CronJobValidator
{
    public const int MaxNameLength = 52;

    public static IReadOnlyList<FieldError> Validate(JsonObject obj, JsonObject? old)
    {
        var errors = new List<FieldError>();
        var name = JsonRead.String(obj, "metadata", "name") ?? "";
        if (name.Length > MaxNameLength)
        {
            errors.Add(FieldError.Invalid("metadata.name", GoText.Quote(name), NameRules.MaxLenError(MaxNameLength)));
        }

        var spec = JsonRead.Object(obj, "spec");
        var schedule = JsonRead.String(spec, "schedule") ?? "";
        if (schedule.Length == 0)
        {
            errors.Add(FieldError.Required("spec.schedule"));
        }
        else if (schedule.Contains("TZ", StringComparison.Ordinal))
        {
            errors.Add(FieldError.Invalid("spec.schedule", GoText.Quote(schedule), "cannot use TZ or CRON_TZ in schedule, use timeZone field instead"));
        }
        else if (CronSchedule.Validate(schedule) is { } problem)
        {
            errors.Add(FieldError.Invalid("spec.schedule", GoText.Quote(schedule), problem));
        }

        errors.AddRange(FieldChecks.OneOf(spec, "spec", "concurrencyPolicy", "Allow", "Forbid", "Replace"));
        foreach (var field in (ReadOnlySpan<string>)["startingDeadlineSeconds", "successfulJobsHistoryLimit", "failedJobsHistoryLimit"])
        {
            errors.AddRange(FieldChecks.NonNegative(spec, "spec", field));
        }

        errors.AddRange(JobValidator.ValidateSpec(JsonRead.Object(spec, "jobTemplate", "spec"), "spec.jobTemplate.spec"));
        return errors;
    }
}
