namespace SuperKube.Runtime.Docker.Api;

/// <summary>The Config of an inspected container.</summary>
internal sealed class ContainerConfigResponse
{
    public string? Image { get; set; }

    public Dictionary<string, string>? Labels { get; set; }

    public bool Tty { get; set; }

    public bool OpenStdin { get; set; }
}
