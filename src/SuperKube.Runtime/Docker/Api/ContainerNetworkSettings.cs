namespace SuperKube.Runtime.Docker.Api;

/// <summary>The NetworkSettings of an inspected container (default bridge address).</summary>
internal sealed class ContainerNetworkSettings
{
    public string? IPAddress { get; set; }
}
