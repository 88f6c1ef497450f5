using System.Text.Json;
using System.Text.Json.Nodes;

namespace SuperKube.CustomResources;

/// <summary>Typed reads of one field of a JSON object, for CRDs and their schemas.</summary>
internal static class JsonFields
{
    /// <summary>The string value of <paramref name="name"/>, or null when absent or not a string.</summary>
    public static string? Text(JsonNode? obj, string name) =>
        obj?[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    /// <summary>True when <paramref name="name"/> is the JSON literal true.</summary>
    public static bool Flag(JsonNode? obj, string name) => obj?[name] is JsonValue v && v.GetValueKind() == JsonValueKind.True;

    /// <summary>The string items of an array field (non-strings read as ""), or null when absent.</summary>
    public static List<string>? Strings(JsonNode? obj, string name) =>
        obj?[name] is JsonArray array ? [.. array.Select(i => i is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : "")] : null;
}
