namespace SuperKube.Runtime.Docker.Api;

/// <summary>POST /containers/create.</summary>
internal sealed class ContainerCreateRequest
{
    public required string Image { get; set; }

    public List<string>? Entrypoint { get; set; }

    public List<string>? Cmd { get; set; }

    public List<string>? Env { get; set; }

    public string? WorkingDir { get; set; }

    /// <summary>The user (<c>uid</c>, <c>uid:gid</c> or a name) the process runs as; null for the image's.</summary>
    public string? User { get; set; }

    public string? Hostname { get; set; }

    public Dictionary<string, string> Labels { get; set; } = [];

    public bool Tty { get; set; }

    public bool OpenStdin { get; set; }

    public bool StdinOnce { get; set; }

    public bool AttachStdin { get; set; }

    public bool AttachStdout { get; set; }

    public bool AttachStderr { get; set; }

    public ContainerHostConfig HostConfig { get; set; } = new();
}
