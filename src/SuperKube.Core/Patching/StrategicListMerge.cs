using System.Text.Json.Nodes;
using SuperKube.Schema;

namespace SuperKube.Patching;

/// <summary>
/// The list half of strategic merge patch: lists whose field has the <c>merge</c> strategy. Lists of maps merge
/// element by element on the merge key (unknown keys are added, <c>{"$patch":"delete",key:v}</c> removes,
/// <c>{"$patch":"replace"}</c> replaces the list); lists of primitives form a de-duplicated union.
/// The result is ordered like upstream <c>normalizeElementOrder</c>, see <see cref="ElementOrder"/>: without
/// <c>$setElementOrder</c> an added element lands before the server-only elements that follow it, not at the end.
/// </summary>
internal static class StrategicListMerge
{
    /// <summary>Merges <paramref name="patch"/> into <paramref name="current"/> (owned by the caller; its items are reused).</summary>
    public static JsonArray Merge(JsonArray current, JsonArray patch, StructuralSchema? field) =>
        [.. MergeItems(Detach(current), patch, field)];

    /// <summary>
    /// Handles every <c>$setElementOrder/&lt;list&gt;</c> of <paramref name="patch"/>: merges the list with its patch
    /// (if any) and puts the result in the given order. Returns the list fields it has fully handled.
    /// </summary>
    public static HashSet<string> ApplyElementOrders(JsonObject target, JsonObject patch, StructuralSchema? schema)
    {
        var handled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in patch)
        {
            if (!key.StartsWith(SmpDirectives.SetElementOrderPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            const string malformed = "invalid patch format of setElementOrder list";
            var name = SmpDirectives.FieldOf(key, SmpDirectives.SetElementOrderPrefix)
                ?? throw PatchException.BadRequest($"{malformed}: \"{key}\" names no field");
            var order = value as JsonArray ?? throw PatchException.BadRequest($"{malformed}: \"{key}\" must be a list");
            var current = ListOrNull(target, name, "the object's");
            var patchList = ListOrNull(patch, name, "the patch's");
            var field = schema?.Property(name);
            if (!SmpDirectives.MergesList(field) || (patch.TryGetPropertyValue(name, out var patchValue) && patchValue is null))
            {
                continue; // a replaced list keeps the patch's order; a deleted list needs none
            }

            var mergeKey = MergeKeyOf(field);
            ElementOrder.Validate(order, patchList, mergeKey, name);
            if (current is null && patchList is null)
            {
                continue;
            }

            var serverOrder = current is null ? [] : current.ToList();
            var merged = current is null ? [] : Detach(current);
            if (patchList is not null)
            {
                merged = MergeItems(merged, patchList, field);
            }

            target[name] = new JsonArray([.. ElementOrder.Arrange(merged, [.. order], serverOrder, mergeKey)]);
            handled.Add(name);
        }

        return handled;
    }

    /// <summary><c>$deleteFromPrimitiveList/&lt;list&gt;: [..]</c> removes those values from the list.</summary>
    public static void DeleteFromPrimitiveList(JsonObject target, string key, JsonNode? value)
    {
        const string malformed = "invalid patch format of primitive list";
        var name = SmpDirectives.FieldOf(key, SmpDirectives.DeleteFromPrimitiveListPrefix)
            ?? throw PatchException.BadRequest($"{malformed}: \"{key}\" names no field");
        var toDelete = value as JsonArray ?? throw PatchException.BadRequest($"{malformed}: \"{key}\" must be a list");
        if (ListOrNull(target, name, "the object's") is not { } list)
        {
            return;
        }

        for (var i = list.Count - 1; i >= 0; i--)
        {
            if (toDelete.Any(d => JsonEquality.DeepEquals(d, list[i])))
            {
                list.RemoveAt(i);
            }
        }
    }

    private static List<JsonNode?> MergeItems(List<JsonNode?> original, JsonArray patch, StructuralSchema? field)
    {
        if (original.Count == 0 && patch.Count == 0)
        {
            return original;
        }

        return ElementKind(original, patch) == JsonValueKindGroup.Object
            ? MergeMaps(original, patch, field)
            : MergePrimitives(original, patch);
    }

    private static List<JsonNode?> MergePrimitives(List<JsonNode?> original, JsonArray patch)
    {
        var serverOrder = original.ToList();
        var merged = new List<JsonNode?>();
        foreach (var item in original.Concat(patch.Select(p => p?.DeepClone())))
        {
            if (!merged.Any(m => JsonEquality.DeepEquals(m, item)))
            {
                merged.Add(item);
            }
        }

        return ElementOrder.Arrange(merged, [.. patch], serverOrder, mergeKey: null);
    }

    private static List<JsonNode?> MergeMaps(List<JsonNode?> original, JsonArray patch, StructuralSchema? field)
    {
        var mergeKey = MergeKeyOf(field)
            ?? throw PatchException.BadRequest("cannot merge a list of maps whose field declares no patch merge key");
        var items = field?.Items;
        var elements = new List<JsonObject>();
        var replace = false;
        foreach (var element in patch.Cast<JsonObject>())
        {
            if (!element.TryGetPropertyValue(SmpDirectives.Patch, out var directive))
            {
                elements.Add(element);
                continue;
            }

            switch (SmpDirectives.PatchValue(directive))
            {
                case SmpDirectives.Delete:
                    var deleted = KeyValue(element, mergeKey);
                    original.RemoveAll(o => ElementOrder.HasKey(o, mergeKey, deleted));
                    break;
                case SmpDirectives.Replace:
                    replace = true;
                    break;
                case SmpDirectives.Merge:
                    if (element.Count > 1)
                    {
                        elements.Add(element);
                    }

                    break;
                case var other:
                    throw PatchException.BadRequest($"unknown patch type \"{other}\" in list element {element.ToJsonString()}");
            }
        }

        if (replace)
        {
            return [.. elements.Select(e => StrategicMergePatch.Fresh(e, items))];
        }

        var serverOrder = original.ToList();
        foreach (var element in elements)
        {
            var keyValue = KeyValue(element, mergeKey);
            var index = original.FindIndex(o => ElementOrder.HasKey(o, mergeKey, keyValue));
            if (index >= 0)
            {
                original[index] = StrategicMergePatch.MergeMap((JsonObject)original[index]!, element, items);
            }
            else
            {
                original.Add(StrategicMergePatch.Fresh(element, items));
            }
        }

        return ElementOrder.Arrange(original, [.. elements], serverOrder, mergeKey);
    }

    private static JsonNode? KeyValue(JsonObject element, string mergeKey) =>
        element.TryGetPropertyValue(mergeKey, out var value)
            ? value
            : throw PatchException.BadRequest($"map {element.ToJsonString()} does not contain declared merge key: {mergeKey}");

    private static string? MergeKeyOf(StructuralSchema? field) =>
        string.IsNullOrEmpty(field?.PatchMergeKey) ? null : field.PatchMergeKey;

    /// <summary>Object when the lists hold maps, Scalar when they hold primitives; mixed lists and lists of lists fail.</summary>
    private static JsonValueKindGroup ElementKind(List<JsonNode?> original, JsonArray patch)
    {
        JsonValueKindGroup? kind = null;
        foreach (var item in original.Concat(patch))
        {
            var itemKind = item switch
            {
                JsonObject => JsonValueKindGroup.Object,
                JsonArray => throw PatchException.Invalid("lists of lists are not supported"),
                _ => JsonValueKindGroup.Scalar,
            };
            if (kind is not null && kind != itemKind)
            {
                throw PatchException.BadRequest("list element types are not identical: maps and primitives are mixed in one list");
            }

            kind = itemKind;
        }

        return kind ?? JsonValueKindGroup.Scalar;
    }

    private static JsonArray? ListOrNull(JsonObject container, string name, string whose) =>
        container.TryGetPropertyValue(name, out var value) switch
        {
            false => null,
            true when value is null => null,
            true when value is JsonArray list => list,
            _ => throw PatchException.BadRequest($"{whose} \"{name}\" is not a list"),
        };

    private static List<JsonNode?> Detach(JsonArray array)
    {
        var items = array.ToList();
        array.Clear();
        return items;
    }

    private enum JsonValueKindGroup
    {
        Scalar,
        Object,
    }
}
