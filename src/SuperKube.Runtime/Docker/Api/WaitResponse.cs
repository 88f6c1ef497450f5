namespace SuperKube.Runtime.Docker.Api;

/// <summary>POST /containers/{id}/wait.</summary>
internal sealed class WaitResponse
{
    public long StatusCode { get; set; }
}
