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

    private static JsonNode? KeyValue(JsonObject obj, string name) =>
        obj[name]?.DeepClone() ?? (KeyDefaults.TryGetValue(name, out var fallback) ? JsonValue.Create(fallback) : null);
}
