using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SuperKube.Apply;

/// <summary>The path element that identifies an element of a set or list-type map.</summary>
internal static class ListElements
{
    /// <summary>
    /// Key fields a client may leave out because the server defaults them: the upstream OpenAPI gives
    /// <c>protocol</c> of container, service and endpoint ports the default <c>TCP</c>, and apply keys use it.
    /// </summary>
    private static readonly Dictionary<string, string> KeyDefaults = new(StringComparer.Ordinal) { ["protocol"] = "TCP" };

    /// <summary>The element of <paramref name="item"/>: <c>k:</c> for maps (keys sorted by name), <c>v:</c> otherwise.</summary>
    public static string PathOf(JsonNode? item, ListKind kind, IReadOnlyList<string> keys)
    {
        if (kind != ListKind.Map || item is not JsonObject obj)
        {
            return PathElement.Value(item);
        }

        if (PlainKey(obj, keys) is { } plain)
        {
            return plain;
        }

        var key = new JsonObject();
        foreach (var name in keys.Order(StringComparer.Ordinal))
        {
            if (KeyValue(obj, name) is { } value)
            {
                key[name] = value;
            }
        }

        return PathElement.Key(key);
    }

    /// <summary>True when <paramref name="item"/> is the element a <c>k:</c> or <c>v:</c> path element names.</summary>
    public static bool Matches(JsonNode? item, string element)
    {
        if (PathElement.KeyFields(element) is { } keys)
        {
            return item is JsonObject obj && keys.All(k => PathElement.Canonical(KeyValue(obj, k.Key)) == PathElement.Canonical(k.Value));
        }

        return element.StartsWith("v:", StringComparison.Ordinal) && PathElement.Value(item) == element;
    }

    /// <summary>
    /// The <c>k:</c> element spelled directly, without building and serialising a key object, when every key name and
    /// string value is plain text (letters, digits, <c>-</c>, <c>.</c>, <c>_</c>: JSON writes it unchanged) and every
    /// other value a number; null otherwise (the general path spells it).
    /// </summary>
    private static string? PlainKey(JsonObject obj, IReadOnlyList<string> keys)
    {
        var text = new StringBuilder("k:{");
        foreach (var name in keys.Count == 1 ? keys : (IEnumerable<string>)keys.Order(StringComparer.Ordinal))
        {
            var value = obj[name];
            string? spelled;
            if (value is null)
            {
                spelled = KeyDefaults.TryGetValue(name, out var fallback) ? "\"" + fallback + "\"" : null;
            }
            else if (value.GetValueKind() is JsonValueKind.String && value.GetValue<string>() is var str && IsPlain(str))
            {
                spelled = "\"" + str + "\"";
            }
            else if (value.GetValueKind() is JsonValueKind.Number)
            {
                spelled = value.ToJsonString();
            }
            else
            {
                return null;
            }

            if (spelled is null)
            {
                continue;
            }

            if (!IsPlain(name))
            {
                return null;
            }

            text.Append(text.Length > 3 ? ",\"" : "\"").Append(name).Append("\":").Append(spelled);
        }

        return text.Append('}').ToString();
    }

    private static bool IsPlain(string text) =>
        !text.AsSpan().ContainsAnyExcept(PlainCharacters);

    private static readonly SearchValues<char> PlainCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._");

    private static JsonNode? KeyValue(JsonObject obj, string name) =>
        obj[name]?.DeepClone() ?? (KeyDefaults.TryGetValue(name, out var fallback) ? JsonValue.Create(fallback) : null);
}
