using System.ComponentModel.DataAnnotations;

namespace SuperKube.Controllers;

/// <summary>
/// Settings of one controller, as named options keyed by the controller's name
/// (<c>services.Configure&lt;ControllerOptions&gt;("deployment", o =&gt; o.Concurrency = 8)</c>).
/// </summary>
public sealed class ControllerOptions
{
    /// <summary>How many requests are reconciled in parallel (never the same one twice). Default: 1.</summary>
    [Range(1, 1024)]
    public int Concurrency { get; set; } = 1;

    /// <summary>The first retry delay of a failing request; each further retry doubles it. Default: 5 ms.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>The longest retry delay. Default: 1000 s.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(1000);

    /// <summary>How long in-flight reconciles may run on shutdown before they are cancelled. Default: 10 s.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
