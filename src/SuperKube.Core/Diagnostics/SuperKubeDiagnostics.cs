using System.Diagnostics;

namespace SuperKube.Diagnostics;

/// <summary>
/// Names of the Meter and ActivitySource of SuperKube.Core, to add to OpenTelemetry
/// (<c>AddMeter(SuperKubeDiagnostics.MeterName)</c>, <c>AddSource(SuperKubeDiagnostics.ActivitySourceName)</c>).
/// </summary>
public static class SuperKubeDiagnostics
{
    /// <summary>The name of the assembly's Meter.</summary>
    public const string MeterName = "SuperKube.Core";

    /// <summary>The name of the assembly's ActivitySource.</summary>
    public const string ActivitySourceName = "SuperKube.Core";

    /// <summary>The ActivitySource that reconcile, schedule and bind operations start their activities on.</summary>
    internal static ActivitySource ActivitySource { get; } = new(ActivitySourceName);
}
