namespace SuperKube.Runtime.Docker.Client;

/// <summary>Splits image references into the repository and tag the engine's image endpoints take.</summary>
internal static class DockerImageReference
{
    /// <summary>
    /// <c>busybox:1.36</c> → (<c>busybox</c>, <c>1.36</c>); <c>busybox</c> → (<c>busybox</c>, <c>latest</c>);
    /// <c>registry:5000/app</c> → (<c>registry:5000/app</c>, <c>latest</c>); a digest reference keeps its digest and has no tag.
    /// </summary>
    public static (string Name, string? Tag) Split(string reference)
    {
        ArgumentException.ThrowIfNullOrEmpty(reference);
        if (reference.Contains('@', StringComparison.Ordinal))
        {
            return (reference, null);
        }

        var slash = reference.LastIndexOf('/');
        var colon = reference.LastIndexOf(':');
        return colon > slash ? (reference[..colon], reference[(colon + 1)..]) : (reference, "latest");
    }
}
