using SuperKube.Model.Batch;

namespace SuperKube.Controllers.Batch;

/// <summary>Reading and setting the conditions of a Job's status.</summary>
internal static class JobConditions
{
    public static bool IsTrue(JobStatus? status, string type) =>
        status?.Conditions?.Any(c => c.Type == type && c.Status == "True") == true;

    /// <summary>True when the job carries Complete or Failed.</summary>
    public static bool IsFinished(JobStatus? status) => IsTrue(status, "Complete") || IsTrue(status, "Failed");

    public static DateTimeOffset? FinishedAt(JobStatus? status) =>
        status?.Conditions?.Where(c => c.Type is "Complete" or "Failed" && c.Status == "True").Select(c => c.LastTransitionTime).FirstOrDefault();

    /// <summary>Sets a condition, keeping its transition time when the status does not change.</summary>
    public static void Set(JobStatus status, string type, string value, string? reason, string? message, DateTimeOffset now)
    {
        var conditions = status.Conditions ??= [];
        var existing = conditions.FirstOrDefault(c => c.Type == type);
        if (existing is null)
        {
            conditions.Add(new JobCondition { Type = type, Status = value, Reason = reason, Message = message, LastProbeTime = now, LastTransitionTime = now });
            return;
        }

        if (existing.Status != value)
        {
            existing.LastTransitionTime = now;
            existing.LastProbeTime = now;
        }

        existing.Status = value;
        existing.Reason = reason;
        existing.Message = message;
    }
}
