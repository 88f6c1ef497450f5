using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SuperKube.Tables;

/// <summary>
/// Lenient readers over JSON objects as clients send them: every field may be absent or of an unexpected type,
/// and every reader then returns null or an empty value instead of throwing.
/// </summary>
internal static class JsonValues
{
    /// <summary>The node at a path of property names, or null if any step is missing or not an object.</summary>
    public static JsonNode? Get(JsonNode? node, params ReadOnlySpan<string> path)
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

    /// <summary>The text of a scalar: a string's value, or the JSON text of a number or boolean; null otherwise.</summary>
    public static string? Str(JsonNode? node, params ReadOnlySpan<string> path)
    {
        if (Get(node, path) is not JsonValue value)
        {
            return null;
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.String => value.TryGetValue<string>(out var text) ? text : value.ToJsonString().Trim('"'),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.ToJsonString(),
            _ => null,
        };
    }

    /// <summary>The string at the path, or <c>""</c> when it is absent.</summary>
    public static string Text(JsonNode? node, params ReadOnlySpan<string> path) => Str(node, path) ?? "";

    /// <summary>An integer, or null when absent or not a number.</summary>
    public static long? IntOrNull(JsonNode? node, params ReadOnlySpan<string> path)
    {
        if (Get(node, path) is not JsonValue value || value.GetValueKind() != JsonValueKind.Number)
        {
            return null;
        }

        if (value.TryGetValue<long>(out var whole))
        {
            return whole;
        }

        var text = value.ToJsonString();
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) ? (long)real : null;
    }

    /// <summary>An integer, 0 when absent.</summary>
    public static long Int(JsonNode? node, params ReadOnlySpan<string> path) => IntOrNull(node, path) ?? 0;

    /// <summary>A boolean, or null when absent or not a boolean.</summary>
    public static bool? BoolOrNull(JsonNode? node, params ReadOnlySpan<string> path) =>
        Get(node, path) is JsonValue value ? value.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        } : null;

    /// <summary>A boolean, false when absent.</summary>
    public static bool Bool(JsonNode? node, params ReadOnlySpan<string> path) => BoolOrNull(node, path) ?? false;

    /// <summary>The object at the path, or null.</summary>
    public static JsonObject? Object(JsonNode? node, params ReadOnlySpan<string> path) => Get(node, path) as JsonObject;

    /// <summary>The array at the path, or null.</summary>
    public static JsonArray? Array(JsonNode? node, params ReadOnlySpan<string> path) => Get(node, path) as JsonArray;

    /// <summary>The object items of the array at the path (other items skipped); empty when absent.</summary>
    public static IReadOnlyList<JsonObject> ObjectList(JsonNode? node, params ReadOnlySpan<string> path) =>
        Array(node, path) is { } array ? [.. array.OfType<JsonObject>()] : [];

    /// <summary>The string items of the array at the path (other items skipped); empty when absent.</summary>
    public static IReadOnlyList<string> Strings(JsonNode? node, params ReadOnlySpan<string> path)
    {
        if (Array(node, path) is not { } array)
        {
            return [];
        }

        var result = new List<string>(array.Count);
        foreach (var item in array)
        {
            if (Str(item) is { } text)
            {
                result.Add(text);
            }
        }

        return result;
    }

    /// <summary>The number of items of an array or of properties of an object at the path; 0 otherwise.</summary>
    public static long Count(JsonNode? node, params ReadOnlySpan<string> path) => Get(node, path) switch
    {
        JsonArray array => array.Count,
        JsonObject obj => obj.Count,
        _ => 0,
    };

    /// <summary>A string-valued map (labels, selectors) at the path, sorted by key; non-string values skipped.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> StringMap(JsonNode? node, params ReadOnlySpan<string> path)
    {
        if (Object(node, path) is not { } obj)
        {
            return [];
        }

        var result = new List<KeyValuePair<string, string>>(obj.Count);
        foreach (var (key, value) in obj)
        {
            if (Str(value) is { } text)
            {
                result.Add(new(key, text));
            }
        }

        result.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return result;
    }

    /// <summary>An RFC 3339 timestamp, or null when absent or unparseable.</summary>
    public static DateTimeOffset? Time(JsonNode? node, params ReadOnlySpan<string> path) =>
        Str(node, path) is { Length: > 0 } text && DateTimeOffset.TryParse(
            text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;

    /// <summary>True when the condition of the given type in the array at the path has status <c>True</c>.</summary>
    public static bool ConditionTrue(JsonNode? node, string type, params ReadOnlySpan<string> path)
    {
        foreach (var condition in ObjectList(node, path))
        {
            if (Str(condition, "type") == type)
            {
                return Str(condition, "status") == "True";
            }
        }

        return false;
    }
}
