using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace SuperKube.Runtime.Fake;

/// <summary>The images a fake node "has": normalised references with stable ids and sizes derived from the name.</summary>
internal sealed class FakeImages
{
    private const int MaxRememberedDigests = 1024;

    /// <summary>Digests by image reference, so the containers of one image share one string (up to a bound).</summary>
    private static readonly ConcurrentDictionary<string, string> Digests = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, bool> _present = new(StringComparer.Ordinal);

    public bool IsPresent(string image) => _present.ContainsKey(Normalize(image));

    public void Add(string image) => _present[Normalize(image)] = true;

    /// <summary><c>nginx</c> → <c>docker.io/library/nginx:latest</c>, as the Docker Hub conventions go.</summary>
    public static string Normalize(string image)
    {
        var slash = image.IndexOf('/', StringComparison.Ordinal);
        var first = slash < 0 ? "" : image[..slash];
        var hasRegistry = first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost";
        var name = hasRegistry ? image : slash < 0 ? "docker.io/library/" + image : "docker.io/" + image;
        var lastSegment = name[(name.LastIndexOf('/') + 1)..];
        return lastSegment.Contains(':', StringComparison.Ordinal) || name.Contains('@', StringComparison.Ordinal) ? name : name + ":latest";
    }

    /// <summary>A stable <c>sha256:</c> id for an image reference.</summary>
    public static string Id(string image) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(image))));

    /// <summary>The repository digest form the kubelet reports as imageID: <c>docker.io/library/nginx@sha256:...</c>.</summary>
    public static string Digest(string image)
    {
        if (Digests.TryGetValue(image, out var known))
        {
            return known;
        }

        var digest = ComputeDigest(image);
        if (Digests.Count < MaxRememberedDigests)
        {
            Digests.TryAdd(image, digest);
        }

        return digest;
    }

    private static string ComputeDigest(string image)
    {
        var normalized = Normalize(image);
        var at = normalized.IndexOf('@', StringComparison.Ordinal);
        var repository = at >= 0 ? normalized[..at] : normalized[..normalized.LastIndexOf(':')];
        return repository + "@" + Id(image);
    }

    public static long Size(string image) => 5_000_000 + (SHA256.HashData(Encoding.UTF8.GetBytes(image))[0] * 400_000L);
}
