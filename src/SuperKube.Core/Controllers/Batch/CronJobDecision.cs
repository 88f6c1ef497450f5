namespace SuperKube.Controllers.Batch;

/// <summary>What a CronJob sync does now and when it looks again.</summary>
/// <param name="Run">The scheduled time to start a job for now, or null.</param>
/// <param name="ReplaceActive">True when the running jobs are deleted first (concurrencyPolicy Replace).</param>
/// <param name="Next">The next scheduled time after now, or null (suspended, or no time within the search window).</param>
internal sealed record CronJobDecision(DateTimeOffset? Run, bool ReplaceActive, DateTimeOffset? Next);
