namespace SuperKube.Runtime.Containers;

/// <summary>Which registry an image reference pulls from, and which pull-secret credential applies to it (as the kubelet's keyring matches).</summary>
internal static class ImageRegistry
{
    /// <summary>Docker Hub, for references without a registry host (<c>busybox</c>, <c>library/busybox</c>).</summary>
    public const string DockerHub = "docker.io";

    private static readonly HashSet<string> DockerHubAliases = new(StringComparer.OrdinalIgnoreCase) { DockerHub, "index.docker.io", "registry-1.docker.io" };

    /// <summary>The registry host (with port) of <paramref name="image"/>: its first path component when that has a '.' or ':' or is localhost, else Docker Hub.</summary>
    public static string Host(string image)
    {
        ArgumentException.ThrowIfNullOrEmpty(image);
        var slash = image.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return DockerHub;
        }

        var first = image[..slash];
        return first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost"
            ? first.ToLowerInvariant()
            : DockerHub;
    }

    /// <summary>The first credential whose registry matches the image's host (the order of the pod's secrets), or null.</summary>
    public static RegistryCredential? Find(IEnumerable<RegistryCredential> credentials, string image)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var host = Host(image);
        return credentials.FirstOrDefault(c => Matches(c.Registry, host));
    }

    /// <summary>Whether a secret's registry key (host, URL or <c>*.domain</c>) names <paramref name="host"/>.</summary>
    public static bool Matches(string registry, string host)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var key = KeyHost(registry);
        if (DockerHubAliases.Contains(key) && DockerHubAliases.Contains(host))
        {
            return true;
        }

        if (key.StartsWith("*.", StringComparison.Ordinal))
        {
            var suffix = key[1..];
            var dot = host.IndexOf('.', StringComparison.Ordinal);
            return dot > 0 && host[dot..].Equals(suffix, StringComparison.OrdinalIgnoreCase);
        }

        return key.Equals(host, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The host[:port] of a registry key, without scheme and path.</summary>
    private static string KeyHost(string registry)
    {
        var key = registry.Trim();
        var scheme = key.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            key = key[(scheme + 3)..];
        }

        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return (slash >= 0 ? key[..slash] : key).ToLowerInvariant();
    }
}
