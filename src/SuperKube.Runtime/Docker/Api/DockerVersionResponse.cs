namespace SuperKube.Runtime.Docker.Api;

/// <summary>GET /version.</summary>
internal sealed class DockerVersionResponse
{
    public string? Version { get; set; }

    public string? ApiVersion { get; set; }

    public string? MinAPIVersion { get; set; }

    public string? Os { get; set; }

    public string? Arch { get; set; }
}
