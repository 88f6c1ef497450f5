using System.Text.Json.Nodes;
using SuperKube.Schema;

namespace SuperKube.Patching;

/// <summary>
/// Strategic merge patch (<c>application/strategic-merge-patch+json</c>) as the API server applies it, driven by the
/// patch metadata (<see cref="StructuralSchema.PatchStrategy"/>, <see cref="StructuralSchema.PatchMergeKey"/>) of
/// the kind. Fields without metadata behave as in a JSON merge patch: maps merge, lists are replaced.
/// Directives: <c>$patch</c> (replace, delete, merge) in maps and list elements, <c>$setElementOrder/&lt;list&gt;</c>,
/// <c>$retainKeys</c>, <c>$deleteFromPrimitiveList/&lt;list&gt;</c>; <c>null</c> deletes a key.
/// </summary>
internal static class StrategicMergePatch
{
    /// <summary>Parses <paramref name="patch"/>, which must be a JSON object, and applies it.</summary>
    public static JsonObject Apply(JsonObject original, ReadOnlySpan<byte> patch, StructuralSchema? schema) =>
        PatchDocument.Parse(patch) is JsonObject patchObject
            ? Apply(original, patchObject, schema)
            : throw PatchException.BadRequest("invalid JSON document: a strategic merge patch must be a JSON object");

    /// <summary>Applies <paramref name="patch"/> to a deep copy of <paramref name="original"/>; neither is modified.</summary>
    public static JsonObject Apply(JsonObject original, JsonObject patch, StructuralSchema? schema) =>
        MergeMap((JsonObject)original.DeepClone(), patch, schema);

    /// <summary>
    /// Merges <paramref name="patch"/> into <paramref name="target"/> (owned by the caller, modified in place) and
    /// returns the result, which is a new object when a <c>$patch</c> directive replaces or deletes the map.
    /// </summary>
    internal static JsonObject MergeMap(JsonObject target, JsonObject patch, StructuralSchema? schema)
    {
        if (patch.TryGetPropertyValue(SmpDirectives.Patch, out var directive))
        {
            switch (SmpDirectives.PatchValue(directive))
            {
                case SmpDirectives.Replace:
                    return MergeFields([], patch, schema);
                case SmpDirectives.Delete:
                    return [];
                case SmpDirectives.Merge:
                    break;
                case var other:
                    throw PatchException.BadRequest($"unknown patch type \"{other}\" in map {patch.ToJsonString()}");
            }
        }

        return MergeFields(target, patch, schema);
    }

    /// <summary>
    /// A patch value placed where the original has nothing (or a value of another type): merged into an empty
    /// container so that directives and nulls inside it are processed rather than stored.
    /// </summary>
    internal static JsonNode? Fresh(JsonNode? patchValue, StructuralSchema? field) => patchValue switch
    {
        JsonObject obj => MergeMap([], obj, field),
        JsonArray array when SmpDirectives.MergesList(field) => StrategicListMerge.Merge([], array, field),
        _ => patchValue?.DeepClone(),
    };

    private static JsonObject MergeFields(JsonObject target, JsonObject patch, StructuralSchema? schema)
    {
        ApplyRetainKeys(target, patch);
        var ordered = StrategicListMerge.ApplyElementOrders(target, patch, schema);
        foreach (var (key, value) in patch)
        {
            if (key.StartsWith(SmpDirectives.DeleteFromPrimitiveListPrefix, StringComparison.Ordinal))
            {
                StrategicListMerge.DeleteFromPrimitiveList(target, key, value);
                continue;
            }

            if (ordered.Contains(key) || SmpDirectives.IsDirectiveKey(key))
            {
                continue; // handled above (ordered lists, $retainKeys) or by MergeMap ($patch)
            }

            if (value is null)
            {
                target.Remove(key);
                continue;
            }

            target.TryGetPropertyValue(key, out var current);
            var merged = MergeValue(current, value, schema?.Property(key));
            if (!ReferenceEquals(merged, current))
            {
                target[key] = merged;
            }
        }

        return target;
    }

    private static JsonNode? MergeValue(JsonNode? current, JsonNode patchValue, StructuralSchema? field) =>
        (current, patchValue) switch
        {
            (JsonObject map, JsonObject patchMap) when !SmpDirectives.ReplacesMap(field) => MergeMap(map, patchMap, field),
            (JsonArray list, JsonArray patchList) when SmpDirectives.MergesList(field) => StrategicListMerge.Merge(list, patchList, field),
            _ => Fresh(patchValue, field),
        };

    /// <summary>
    /// <c>$retainKeys: [..]</c> clears every key of the original that is not listed. Every key the patch sets must be
    /// listed, otherwise the patch is malformed.
    /// </summary>
    private static void ApplyRetainKeys(JsonObject target, JsonObject patch)
    {
        if (!patch.TryGetPropertyValue(SmpDirectives.RetainKeys, out var value))
        {
            return;
        }

        const string malformed = "invalid patch format of retainKeys";
        if (value is not JsonArray list)
        {
            throw PatchException.BadRequest($"{malformed}: {SmpDirectives.RetainKeys} must be a list of field names");
        }

        var keep = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in list)
        {
            keep.Add(item is JsonValue scalar && scalar.TryGetValue<string>(out var name)
                ? name
                : throw PatchException.BadRequest($"{malformed}: {SmpDirectives.RetainKeys} must be a list of field names"));
        }

        foreach (var (key, patchValue) in patch)
        {
            if (patchValue is not null && !SmpDirectives.IsDirectiveKey(key) && !keep.Contains(key))
            {
                throw PatchException.BadRequest($"{malformed}: the patch sets \"{key}\", which is not in {SmpDirectives.RetainKeys}");
            }
        }

        foreach (var key in target.Select(p => p.Key).Where(k => !keep.Contains(k)).ToList())
        {
            target.Remove(key);
        }
    }
}
