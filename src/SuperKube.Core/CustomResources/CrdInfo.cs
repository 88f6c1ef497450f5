using System.Text.Json.Nodes;
using SuperKube.Objects;
using SuperKube.Registry;

namespace SuperKube.CustomResources;

/// <summary>What the server reads from a CustomResourceDefinition object to serve its resources.</summary>
internal sealed record CrdInfo(string Name, string Group, ResourceScope Scope, CrdNames Names, IReadOnlyList<CrdVersion> Versions)
{
    public static CrdInfo From(JsonObject crd)
    {
        ArgumentNullException.ThrowIfNull(crd);
        var spec = crd["spec"];
        return new CrdInfo(
            ObjectMetadata.Name(crd),
            JsonFields.Text(spec, "group") ?? "",
            JsonFields.Text(spec, "scope") == "Cluster" ? ResourceScope.Cluster : ResourceScope.Namespaced,
            CrdNames.From(spec?["names"]),
            [.. (spec?["versions"] as JsonArray ?? []).Select(CrdVersion.From)]);
    }

    /// <summary>The served versions, the preferred one first (Kubernetes version priority).</summary>
    public IReadOnlyList<CrdVersion> ServedVersions =>
        [.. Versions.Where(v => v.Served).OrderBy(v => v.Name, KubeVersionComparer.Instance)];

    /// <summary>The storage version's name, or null.</summary>
    public string? StorageVersion => Versions.FirstOrDefault(v => v.Storage)?.Name;
}
