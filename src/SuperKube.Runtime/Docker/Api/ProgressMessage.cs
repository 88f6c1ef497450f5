namespace SuperKube.Runtime.Docker.Api;

/// <summary>One JSON line of an image pull or import: status, layer progress, or an error.</summary>
internal sealed class ProgressMessage
{
    public string? Status { get; set; }

    public string? Id { get; set; }

    public ProgressDetail? ProgressDetail { get; set; }

    public string? Error { get; set; }

    public ErrorResponse? ErrorDetail { get; set; }
}
