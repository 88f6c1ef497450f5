using System.Text.Json.Nodes;
using SuperKube.Schema;

namespace SuperKube.Apply;

/// <summary>
/// Merges an apply configuration into the live object: objects field by field (atomic maps replaced), sets as
/// unions, list-type maps element by element on their keys, everything else replaced. A null in the configuration
/// removes the field.
/// </summary>
internal static class ApplyMerge
{
    public static JsonObject Merge(JsonObject live, JsonObject config, StructuralSchema? schema) =>
        MergeObject(live.DeepClone().AsObject(), config, schema);

    private static JsonNode? MergeNode(JsonNode? live, JsonNode? config, StructuralSchema? schema)
    {
        if (live is JsonObject liveObject && config is JsonObject configObject && !SchemaShape.IsAtomicMap(schema))
        {
            return MergeObject(liveObject.DeepClone().AsObject(), configObject, schema);
        }

        var kind = SchemaShape.ListKindOf(schema, out var keys);
        if (live is JsonArray liveList && config is JsonArray configList && kind != ListKind.Atomic)
        {
            return MergeList(liveList, configList, kind, keys, schema!.Items);
        }

        return config?.DeepClone();
    }

    private static JsonObject MergeObject(JsonObject result, JsonObject config, StructuralSchema? schema)
    {
        foreach (var (name, value) in config)
        {
            if (value is null)
            {
                result.Remove(name);
                continue;
            }

            result[name] = MergeNode(result[name], value, SchemaShape.Child(schema, name));
        }

        return result;
    }

    /// <summary>Live elements keep their places (merged with their configured counterparts); new ones follow in order.</summary>
    private static JsonArray MergeList(JsonArray live, JsonArray config, ListKind kind, IReadOnlyList<string> keys, StructuralSchema? items)
    {
        var configured = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var item in config)
        {
            configured.TryAdd(ListElements.PathOf(item, kind, keys), item);
        }

        var result = new JsonArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in live)
        {
            var element = ListElements.PathOf(item, kind, keys);
            seen.Add(element);
            result.Add(configured.TryGetValue(element, out var update) ? MergeNode(item, update, items) : item?.DeepClone());
        }

        foreach (var (element, item) in configured)
        {
            if (!seen.Contains(element))
            {
                result.Add(item?.DeepClone());
            }
        }

        return result;
    }
}
