using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SuperKube.Defaulting;

/// <summary>
/// Small helpers for defaulting a JSON object in place. "Missing" follows Go pointer fields (absent or null);
/// "zero" follows Go value fields (absent, null, empty string or the number 0), which the real defaulters treat as unset.
/// </summary>
internal static class JsonDefaults
{
    /// <summary>Sets <paramref name="key"/> when it is absent or null (a pointer field in the Go types).</summary>
    public static void SetIfMissing(JsonObject obj, string key, JsonNode? value)
    {
        if (obj[key] is null)
        {
            obj[key] = value;
        }
    }

    /// <summary>Sets <paramref name="key"/> when it holds its zero value: absent, null, "" or 0 (a value field in the Go types).</summary>
    public static void SetIfZero(JsonObject obj, string key, JsonNode? value)
    {
        if (IsZero(obj[key]))
        {
            obj[key] = value;
        }
    }

    /// <summary>Gets the object at <paramref name="key"/>, creating an empty one when it is absent or not an object.</summary>
    public static JsonObject Obj(JsonObject obj, string key)
    {
        if (obj[key] is JsonObject existing)
        {
            return existing;
        }

        var created = new JsonObject();
        obj[key] = created;
        return created;
    }

    /// <summary>The object at <paramref name="key"/>, or null when absent or not an object.</summary>
    public static JsonObject? Child(JsonObject? obj, string key) => obj?[key] as JsonObject;

    /// <summary>The objects in the array at <paramref name="key"/> (other items are skipped); empty when there is no array.</summary>
    public static IEnumerable<JsonObject> Items(JsonObject? obj, string key) =>
        obj?[key] is JsonArray array ? array.OfType<JsonObject>() : [];

    /// <summary>The string at <paramref name="key"/>, or null when absent or not a string.</summary>
    public static string? Str(JsonObject? obj, string key) =>
        obj?[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>True when <paramref name="key"/> holds a true boolean.</summary>
    public static bool IsTrue(JsonObject? obj, string key) =>
        obj?[key] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    /// <summary>True when <paramref name="key"/> holds a non-empty array or object (a Go slice or map with items).</summary>
    public static bool HasItems(JsonObject? obj, string key) => obj?[key] switch
    {
        JsonArray array => array.Count > 0,
        JsonObject map => map.Count > 0,
        _ => false,
    };

    /// <summary>True for the zero value of a Go value field: null, "" or the number 0.</summary>
    public static bool IsZero(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return node is null;
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.Null => true,
            JsonValueKind.String => value.GetValue<string>().Length == 0,
            JsonValueKind.Number => decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                && number == 0,
            _ => false,
        };
    }
}
