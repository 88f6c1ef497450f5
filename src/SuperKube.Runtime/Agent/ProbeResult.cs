namespace SuperKube.Runtime.Agent;

/// <summary>The outcome of one probe run; <see cref="Message"/> explains a failure as the kubelet words it.</summary>
internal sealed record ProbeResult(bool Success, string Message)
{
    public static readonly ProbeResult Passed = new(true, "");
}
