namespace SuperKube.Runtime.Docker.Api;

/// <summary>GET /images/{name}/json.</summary>
internal sealed class ImageInspectResponse
{
    public string Id { get; set; } = "";

    public long Size { get; set; }

    public List<string>? RepoDigests { get; set; }

    /// <summary>The image's configuration (its user, among others).</summary>
    public ImageConfig? Config { get; set; }
}
