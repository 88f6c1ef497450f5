namespace SuperKube.Runtime.Docker.Api;

/// <summary>The State of an inspected container.</summary>
internal sealed class ContainerStateResponse
{
    public string? Status { get; set; }

    public bool Running { get; set; }

    /// <summary>The container's main process (0 when it is not running).</summary>
    public int Pid { get; set; }

    public bool OOMKilled { get; set; }

    public int ExitCode { get; set; }

    public string? Error { get; set; }

    public string? StartedAt { get; set; }

    public string? FinishedAt { get; set; }
}
