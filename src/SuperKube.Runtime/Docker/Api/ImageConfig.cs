namespace SuperKube.Runtime.Docker.Api;

/// <summary>The Config of an inspected image: the parts the runtime reads.</summary>
internal sealed class ImageConfig
{
    /// <summary>The user processes run as (<c>USER</c> of the Dockerfile); empty for root.</summary>
    public string? User { get; set; }
}
