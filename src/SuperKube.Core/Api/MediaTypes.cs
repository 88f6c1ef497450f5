using Microsoft.AspNetCore.Http;

namespace SuperKube.Api;

/// <summary>The media types the API reads and writes, and Accept-header checks.</summary>
internal static class MediaTypes
{
    public const string Json = "application/json";
    public const string Yaml = "application/yaml";
    public const string Protobuf = "application/vnd.kubernetes.protobuf";
    public const string JsonPatch = "application/json-patch+json";
    public const string MergePatch = "application/merge-patch+json";
    public const string StrategicMergePatch = "application/strategic-merge-patch+json";
    public const string ApplyPatchYaml = "application/apply-patch+yaml";
    public const string Table = "application/json;as=Table;v=v1;g=meta.k8s.io";
    public const string AggregatedDiscovery = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

    /// <summary>True when the client accepts a server-side Table (meta.k8s.io v1 or v1beta1).</summary>
    public static bool WantsTable(HttpRequest request) => AcceptsAs(request, "Table");

    /// <summary>True when the client accepts aggregated discovery v2.</summary>
    public static bool WantsAggregatedDiscovery(HttpRequest request)
    {
        foreach (var accept in Accepts(request))
        {
            if (accept.Contains("g=apidiscovery.k8s.io", StringComparison.Ordinal) &&
                accept.Contains("as=APIGroupDiscoveryList", StringComparison.Ordinal) &&
                accept.Contains("v=v2", StringComparison.Ordinal) && !accept.Contains("v=v2beta1", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The media type of the request body without parameters, lower-cased; JSON when absent.</summary>
    public static string ContentType(HttpRequest request)
    {
        var value = request.ContentType;
        if (string.IsNullOrWhiteSpace(value))
        {
            return Json;
        }

        var semicolon = value.IndexOf(';', StringComparison.Ordinal);
        return (semicolon >= 0 ? value[..semicolon] : value).Trim().ToLowerInvariant();
    }

    private static bool AcceptsAs(HttpRequest request, string kind)
    {
        foreach (var accept in Accepts(request))
        {
            if (accept.Contains("as=" + kind, StringComparison.Ordinal) && accept.Contains("g=meta.k8s.io", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<string> Accepts(HttpRequest request)
    {
        foreach (var header in request.Headers.Accept)
        {
            if (header is null)
            {
                continue;
            }

            foreach (var part in header.Split(','))
            {
                yield return part.Replace(" ", "", StringComparison.Ordinal);
            }
        }
    }
}
