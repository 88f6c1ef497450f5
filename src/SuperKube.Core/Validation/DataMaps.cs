using System.Text;
using System.Text.Json.Nodes;

namespace SuperKube.Validation;

/// <summary>Checks shared by ConfigMaps and Secrets: data keys, total size and the <c>immutable</c> flag.</summary>
internal static class DataMaps
{
    /// <summary>The most bytes the data of one ConfigMap or Secret may hold.</summary>
    public const int MaxSize = 1024 * 1024;

    /// <summary>Errors for keys that are not valid config keys, reported at <c>field[key]</c>.</summary>
    public static IEnumerable<FieldError> KeyErrors(JsonObject? map, string field) =>
        (map ?? []).SelectMany(entry => FormatRules.IsConfigMapKey(entry.Key)
            .Select(m => FieldError.Invalid($"{field}[{entry.Key}]", GoText.Quote(entry.Key), m)));

    /// <summary>The size of a map's values: UTF-8 bytes, or decoded bytes when <paramref name="base64"/>.</summary>
    public static long Size(JsonObject? map, bool base64) =>
        JsonRead.StringEntries(map).Sum(e => base64 ? DecodedLength(e.Value) : Encoding.UTF8.GetByteCount(e.Value));

    /// <summary>When the old object was immutable, the flag must stay set and the listed maps unchanged.</summary>
    public static IEnumerable<FieldError> ImmutableErrors(JsonObject obj, JsonObject? old, params string[] maps)
    {
        if (old is null || JsonRead.Boolean(old, "immutable") != true)
        {
            yield break;
        }

        const string Message = "field is immutable when `immutable` is set";
        if (JsonRead.Boolean(obj, "immutable") != true)
        {
            yield return FieldError.Forbidden("immutable", Message);
        }

        foreach (var map in maps)
        {
            if (!JsonNode.DeepEquals(obj[map], old[map]))
            {
                yield return FieldError.Forbidden(map, Message);
            }
        }
    }

    private static long DecodedLength(string value)
    {
        var buffer = new byte[(value.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(value, buffer, out var written) ? written : Encoding.UTF8.GetByteCount(value);
    }
}
