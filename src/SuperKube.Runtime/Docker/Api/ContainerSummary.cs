namespace SuperKube.Runtime.Docker.Api;

/// <summary>One entry of GET /containers/json.</summary>
internal sealed class ContainerSummary
{
    public string Id { get; set; } = "";

    public Dictionary<string, string>? Labels { get; set; }

    public long Created { get; set; }
}
