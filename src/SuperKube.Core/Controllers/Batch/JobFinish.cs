namespace SuperKube.Controllers.Batch;

/// <summary>The terminal condition a sync decided (Complete or Failed), added once every finished pod is counted.</summary>
/// <param name="Type">"Complete" or "Failed".</param>
/// <param name="Reason">The condition's reason.</param>
/// <param name="Message">The condition's message.</param>
internal sealed record JobFinish(string Type, string Reason, string Message);
