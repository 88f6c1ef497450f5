using System.Text.Json.Nodes;

namespace SuperKube.CustomResources;

/// <summary>One entry of a CRD's <c>spec.versions</c>.</summary>
internal sealed record CrdVersion(
    string Name,
    bool Served,
    bool Storage,
    bool Deprecated,
    string? DeprecationWarning,
    JsonObject? Schema,
    bool StatusSubresource,
    JsonObject? ScaleSubresource,
    JsonArray? PrinterColumns,
    IReadOnlyList<string> SelectableFields)
{
    public static CrdVersion From(JsonNode? version)
    {
        var subresources = version?["subresources"] as JsonObject;
        return new CrdVersion(
            JsonFields.Text(version, "name") ?? "",
            JsonFields.Flag(version, "served"),
            JsonFields.Flag(version, "storage"),
            JsonFields.Flag(version, "deprecated"),
            JsonFields.Text(version, "deprecationWarning"),
            version?["schema"]?["openAPIV3Schema"] as JsonObject,
            subresources?["status"] is JsonObject,
            subresources?["scale"] as JsonObject,
            version?["additionalPrinterColumns"] as JsonArray,
            [.. (version?["selectableFields"] as JsonArray ?? []).Select(f => JsonFields.Text(f, "jsonPath") ?? "")]);
    }
}
