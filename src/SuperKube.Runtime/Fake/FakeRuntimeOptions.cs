namespace SuperKube.Runtime.Fake;

/// <summary>Settings of the Fake container runtime.</summary>
public sealed class FakeRuntimeOptions
{
    /// <summary>The version reported as <c>fake://VERSION</c> in the node's containerRuntimeVersion. Default: <c>0.1.0</c>.</summary>
    public string Version { get; set; } = "0.1.0";

    /// <summary>How long a simulated image pull takes on the virtual clock. Default: zero (instant).</summary>
    public TimeSpan PullDuration { get; set; } = TimeSpan.Zero;
}
