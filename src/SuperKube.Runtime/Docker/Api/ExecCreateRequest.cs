namespace SuperKube.Runtime.Docker.Api;

/// <summary>POST /containers/{id}/exec.</summary>
internal sealed class ExecCreateRequest
{
    public required List<string> Cmd { get; set; }

    public bool AttachStdin { get; set; }

    public bool AttachStdout { get; set; }

    public bool AttachStderr { get; set; }

    public bool Tty { get; set; }
}
