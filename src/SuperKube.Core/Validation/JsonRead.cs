using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SuperKube.Validation;

/// <summary>Tolerant reads of an object's JSON: a missing field or a field of another type reads as null.</summary>
internal static class JsonRead
{
    /// <summary>The node at a path of property names, or null when any step is missing or not an object.</summary>
    public static JsonNode? At(JsonNode? node, params ReadOnlySpan<string> path)
    {
        foreach (var name in path)
        {
            if (node is not JsonObject obj || !obj.TryGetPropertyValue(name, out node))
            {
                return null;
            }
        }

        return node;
    }

    public static JsonObject? Object(JsonNode? node, params ReadOnlySpan<string> path) => At(node, path) as JsonObject;

    public static JsonArray? Array(JsonNode? node, params ReadOnlySpan<string> path) => At(node, path) as JsonArray;

    /// <summary>A string value, or null when absent or not a string.</summary>
    public static string? String(JsonNode? node, params ReadOnlySpan<string> path) =>
        At(node, path) is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    /// <summary>An integral number, or null when absent, not a number or not integral.</summary>
    public static long? Integer(JsonNode? node, params ReadOnlySpan<string> path) =>
        At(node, path) is JsonValue v && v.GetValueKind() == JsonValueKind.Number &&
        long.TryParse(v.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            ? n
            : null;

    /// <summary>A boolean value, or null when absent or not a boolean.</summary>
    public static bool? Boolean(JsonNode? node, params ReadOnlySpan<string> path) =>
        At(node, path) is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? v.GetValueKind() == JsonValueKind.True
            : null;

    /// <summary>A scalar rendered as text: strings as-is, numbers invariantly, booleans as true/false; else null.</summary>
    public static string? Scalar(JsonNode? node) => node is JsonValue v
        ? v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.Number => v.ToJsonString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        }
        : null;

    /// <summary>The items of an array with their indices; none when the array is null.</summary>
    public static IEnumerable<(JsonNode? Item, int Index)> Items(JsonArray? array) =>
        (array ?? []).Select((item, index) => (item, index));

    /// <summary>The string entries of a JSON map such as <c>metadata.labels</c>; entries that are not strings are skipped.</summary>
    public static IEnumerable<KeyValuePair<string, string>> StringEntries(JsonObject? map)
    {
        if (map is null)
        {
            yield break;
        }

        foreach (var (key, value) in map)
        {
            if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
            {
                yield return new(key, v.GetValue<string>());
            }
        }
    }
}
