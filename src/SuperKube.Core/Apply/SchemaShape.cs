using System.Text.Json.Nodes;
using SuperKube.Registry;
using SuperKube.Schema;

namespace SuperKube.Apply;

/// <summary>
/// Reads the server-side-apply semantics of a schema node. A null schema (a kind or field without one) is deduced:
/// objects are granular maps and lists are atomic.
/// </summary>
internal static class SchemaShape
{
    /// <summary>The schema of a resource's objects, or null when the resource has no model.</summary>
    public static StructuralSchema? For(ResourceType type) =>
        type.ModelType is { } model ? ModelSchemaBuilder.For(model) : type.Schema;

    /// <summary>The schema of field <paramref name="name"/> (or of a map value), or null when unknown.</summary>
    public static StructuralSchema? Child(StructuralSchema? schema, string name) => schema?.Property(name);

    /// <summary>True when an object is replaced and owned as a whole (<c>x-kubernetes-map-type: atomic</c>).</summary>
    public static bool IsAtomicMap(StructuralSchema? schema) => schema?.MapType == "atomic";

    /// <summary>True for objects with declared fields (structs), as opposed to maps of arbitrary keys.</summary>
    public static bool IsStruct(StructuralSchema? schema) =>
        schema?.Properties is { Count: > 0 } && schema.AdditionalProperties is null && !schema.PreserveUnknownFields;

    /// <summary>
    /// The list semantics: <c>x-kubernetes-list-type</c> when present; otherwise a merge patch strategy with a merge key
    /// is a map and one without is a set (as the OpenAPI of built-in kinds derives them); everything else is atomic.
    /// </summary>
    public static ListKind ListKindOf(StructuralSchema? schema, out IReadOnlyList<string> keys)
    {
        keys = [];
        switch (schema?.ListType)
        {
            case "map" when schema.ListMapKeys is { Count: > 0 } mapKeys:
                keys = [.. mapKeys];
                return ListKind.Map;
            case "set":
                return ListKind.Set;
            case "atomic":
                return ListKind.Atomic;
        }

        if (schema?.PatchStrategy?.Contains("merge", StringComparison.Ordinal) == true)
        {
            if (schema.PatchMergeKey is { Length: > 0 } key)
            {
                keys = [key];
                return ListKind.Map;
            }

            return ListKind.Set;
        }

        return ListKind.Atomic;
    }

    /// <summary>True when <paramref name="node"/> is an object that is walked field by field (not a leaf).</summary>
    public static bool IsGranularObject(JsonNode? node, StructuralSchema? schema) =>
        node is JsonObject { Count: > 0 } && !IsAtomicMap(schema);
}
