namespace SuperKube.Runtime.Docker.Api;

/// <summary>GET /exec/{id}/json.</summary>
internal sealed class ExecInspectResponse
{
    public bool Running { get; set; }

    public int? ExitCode { get; set; }
}
