using System.Text.Json.Nodes;
using static SuperKube.Defaulting.JsonDefaults;

namespace SuperKube.Defaulting;

/// <summary>Defaults of a container (regular, init or ephemeral): pull policy, termination message, ports, env and probes.</summary>
internal static class ContainerDefaults
{
    /// <summary>The pod spec fields that hold containers.</summary>
    public static readonly string[] ContainerLists = ["initContainers", "containers", "ephemeralContainers"];

    public static void Apply(JsonObject container)
    {
        SetIfZero(container, "imagePullPolicy", PullPolicyFor(Str(container, "image")));
        SetIfZero(container, "terminationMessagePath", "/dev/termination-log");
        SetIfZero(container, "terminationMessagePolicy", "File");

        foreach (var port in Items(container, "ports"))
        {
            SetIfZero(port, "protocol", "TCP");
        }

        foreach (var env in Items(container, "env"))
        {
            FieldRef(Child(Child(env, "valueFrom"), "fieldRef"));
        }

        foreach (var probe in new[] { "livenessProbe", "readinessProbe", "startupProbe" })
        {
            Probe(Child(container, probe));
        }

        var lifecycle = Child(container, "lifecycle");
        HttpGet(Child(Child(lifecycle, "postStart"), "httpGet"));
        HttpGet(Child(Child(lifecycle, "preStop"), "httpGet"));
    }

    /// <summary>
    /// Always when the image's tag is <c>latest</c> or absent (no tag and no digest means latest), IfNotPresent otherwise,
    /// including digest-only references and names that do not parse.
    /// </summary>
    public static string PullPolicyFor(string? image) => ImageTag(image) == "latest" ? "Always" : "IfNotPresent";

    /// <summary>Defaults an ObjectFieldSelector (env valueFrom and downward API items).</summary>
    public static void FieldRef(JsonObject? fieldRef)
    {
        if (fieldRef is not null)
        {
            SetIfZero(fieldRef, "apiVersion", "v1");
        }
    }

    private static void Probe(JsonObject? probe)
    {
        if (probe is null)
        {
            return;
        }

        SetIfZero(probe, "timeoutSeconds", 1);
        SetIfZero(probe, "periodSeconds", 10);
        SetIfZero(probe, "successThreshold", 1);
        SetIfZero(probe, "failureThreshold", 3);
        HttpGet(Child(probe, "httpGet"));
        if (Child(probe, "grpc") is { } grpc)
        {
            SetIfMissing(grpc, "service", "");
        }
    }

    private static void HttpGet(JsonObject? httpGet)
    {
        if (httpGet is not null)
        {
            SetIfZero(httpGet, "path", "/");
            SetIfZero(httpGet, "scheme", "HTTP");
        }
    }

    // The tag of an image reference: "" for a digest-only or invalid reference, "latest" when neither is given.
    private static string ImageTag(string? image)
    {
        if (string.IsNullOrEmpty(image) || image.Any(char.IsWhiteSpace))
        {
            return "";
        }

        var at = image.IndexOf('@', StringComparison.Ordinal);
        var name = at >= 0 ? image[..at] : image;
        var lastSlash = name.LastIndexOf('/');
        var colon = name.IndexOf(':', lastSlash + 1);
        var repository = colon >= 0 ? name[..colon] : name;
        if (RepositoryPath(repository).Any(char.IsUpper))
        {
            return "";
        }

        if (colon >= 0)
        {
            return name[(colon + 1)..];
        }

        return at >= 0 ? "" : "latest";
    }

    // The repository without its registry host; the first component is a host when it has a dot, a port, is
    // localhost or has upper-case letters (repository paths themselves must be lower case).
    private static string RepositoryPath(string repository)
    {
        var slash = repository.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return repository;
        }

        var first = repository[..slash];
        var isHost = first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal)
            || first == "localhost" || first.Any(char.IsUpper);
        return isHost ? repository[(slash + 1)..] : repository;
    }
}
