namespace SuperKube.Runtime.Containers;

/// <summary>The outcome of a pull: the resolved image id, its size and whether it was already present.</summary>
public sealed record ImagePullResult(string Image, string ImageId, long SizeBytes, bool AlreadyPresent, TimeSpan Duration)
{
    /// <summary>The user the image's configuration runs as (<c>uid</c>, <c>name</c>, <c>uid:gid</c>); "" or null for root.</summary>
    public string? User { get; init; }
}
