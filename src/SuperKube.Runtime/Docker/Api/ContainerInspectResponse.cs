namespace SuperKube.Runtime.Docker.Api;

/// <summary>GET /containers/{id}/json.</summary>
internal sealed class ContainerInspectResponse
{
    public string Id { get; set; } = "";

    public string? Name { get; set; }

    public string? Created { get; set; }

    public string? Image { get; set; }

    public ContainerStateResponse State { get; set; } = new();

    public ContainerConfigResponse Config { get; set; } = new();

    public ContainerNetworkSettings? NetworkSettings { get; set; }
}
