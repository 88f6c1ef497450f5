namespace SuperKube.Runtime.Docker.Api;

/// <summary>POST /exec/{id}/start.</summary>
internal sealed class ExecStartRequest
{
    public bool Detach { get; set; }

    public bool Tty { get; set; }
}
