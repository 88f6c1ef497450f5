namespace SuperKube.Api;

/// <summary>
/// What a resource request addresses, parsed from its path the way k8s.io/apiserver's RequestInfoFactory does:
/// <c>/api/v1/namespaces/{ns}/{resource}/{name}/{subresource}</c> and <c>/apis/{group}/{version}/...</c>.
/// </summary>
internal sealed record RequestInfo
{
    private static readonly HashSet<string> NamespaceSubresources = ["status", "finalize"];

    public string Group { get; init; } = "";

    public string Version { get; init; } = "";

    /// <summary>The namespace from the path, or "" when none was given.</summary>
    public string Namespace { get; init; } = "";

    public string Resource { get; init; } = "";

    public string Name { get; init; } = "";

    public string Subresource { get; init; } = "";

    /// <summary>True for the legacy <c>/watch/</c> path prefix.</summary>
    public bool WatchPath { get; init; }

    /// <summary>
    /// Parses the segments after <c>/api</c> or <c>/apis</c>. Returns null for discovery paths
    /// (<c>/api</c>, <c>/apis/apps</c>, <c>/apis/apps/v1</c>) which carry no resource.
    /// </summary>
    public static RequestInfo? Parse(bool legacy, string[] parts)
    {
        var i = 0;
        var group = "";
        if (!legacy)
        {
            if (parts.Length < 1)
            {
                return null;
            }

            group = parts[i++];
        }

        if (parts.Length <= i)
        {
            return null;
        }

        var version = parts[i++];
        var rest = parts.AsSpan(i);
        if (rest.Length == 0)
        {
            return null;
        }

        var watch = false;
        if (rest[0] == "watch")
        {
            watch = true;
            rest = rest[1..];
        }

        var ns = "";
        if (rest.Length > 0 && rest[0] == "namespaces" && rest.Length > 1)
        {
            ns = rest[1];
            if (rest.Length > 2 && !NamespaceSubresources.Contains(rest[2]))
            {
                rest = rest[2..];
            }
            else
            {
                // namespaces/{name}[/status|finalize]: the namespace object itself (its namespace attribute is its name).
                return new RequestInfo
                {
                    Group = group, Version = version, Namespace = ns, Resource = "namespaces", Name = ns,
                    Subresource = rest.Length > 2 ? rest[2] : "", WatchPath = watch,
                };
            }
        }

        if (rest.Length == 0 || rest.Length > 3)
        {
            return null;
        }

        return new RequestInfo
        {
            Group = group,
            Version = version,
            Namespace = ns,
            Resource = rest[0],
            Name = rest.Length > 1 ? rest[1] : "",
            Subresource = rest.Length > 2 ? rest[2] : "",
            WatchPath = watch,
        };
    }
}
