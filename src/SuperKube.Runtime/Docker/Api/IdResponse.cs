namespace SuperKube.Runtime.Docker.Api;

/// <summary>A response that carries the id of what was created.</summary>
internal sealed class IdResponse
{
    public string Id { get; set; } = "";
}
