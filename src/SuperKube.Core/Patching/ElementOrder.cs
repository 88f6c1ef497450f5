using System.Text.Json.Nodes;

namespace SuperKube.Patching;

/// <summary>
/// Orders a merged list the way upstream strategic merge patch does (<c>normalizeElementOrder</c> and
/// <c>mergeSortedSlice</c> in apimachinery's strategicpatch): items named by the patch (or by
/// <c>$setElementOrder</c>) come in that order; items only the server has keep their relative server order and are
/// slotted in before the first named item that the server lists after them. Items are identified by their merge-key
/// value, or by value for primitive lists.
/// </summary>
internal static class ElementOrder
{
    /// <summary>Arranges <paramref name="merged"/> by <paramref name="order"/> and <paramref name="serverOrder"/>.</summary>
    public static List<JsonNode?> Arrange(
        List<JsonNode?> merged, IReadOnlyList<JsonNode?> order, IReadOnlyList<JsonNode?> serverOrder, string? mergeKey)
    {
        var named = new List<JsonNode?>();
        var serverOnly = new List<JsonNode?>();
        foreach (var item in merged)
        {
            (IndexOf(order, item, mergeKey) >= 0 ? named : serverOnly).Add(item);
        }

        named = [.. named.OrderBy(item => Rank(order, item, mergeKey))];
        serverOnly = [.. serverOnly.OrderBy(item => Rank(serverOrder, item, mergeKey))];
        return Interleave(serverOnly, named, serverOrder, mergeKey);
    }

    /// <summary>
    /// Checks a <c>$setElementOrder</c> list: for maps every entry carries the merge key, and the patch's own
    /// elements (directives aside) appear in it in the same relative order.
    /// </summary>
    public static void Validate(JsonArray order, JsonArray? patchList, string? mergeKey, string field)
    {
        if (mergeKey is not null && order.Any(entry => !TryIdentity(entry, mergeKey, out _)))
        {
            throw PatchException.BadRequest($"invalid patch format of setElementOrder list: every entry for \"{field}\" needs the merge key \"{mergeKey}\"");
        }

        if (patchList is null || patchList.Count == 0 || order.Count == 0)
        {
            return;
        }

        var orderIndex = 0;
        foreach (var element in patchList.Where(e => e is not JsonObject obj || !obj.ContainsKey(SmpDirectives.Patch)))
        {
            if (mergeKey is not null && !TryIdentity(element, mergeKey, out _))
            {
                throw PatchException.BadRequest($"map {element?.ToJsonString()} does not contain declared merge key: {mergeKey}");
            }

            while (orderIndex < order.Count && !SameItem(order[orderIndex], element, mergeKey))
            {
                orderIndex++;
            }

            if (orderIndex == order.Count)
            {
                throw PatchException.BadRequest($"the order of the patch list \"{field}\" does not match its $setElementOrder list");
            }

            orderIndex++;
        }
    }

    /// <summary>True when <paramref name="item"/> is a map whose <paramref name="mergeKey"/> equals <paramref name="value"/>.</summary>
    public static bool HasKey(JsonNode? item, string mergeKey, JsonNode? value) =>
        TryIdentity(item, mergeKey, out var identity) && JsonEquality.DeepEquals(identity, value);

    private static List<JsonNode?> Interleave(
        List<JsonNode?> serverOnly, List<JsonNode?> named, IReadOnlyList<JsonNode?> serverOrder, string? mergeKey)
    {
        var result = new List<JsonNode?>(serverOnly.Count + named.Count);
        int i = 0, j = 0;
        while (i < serverOnly.Count && j < named.Count)
        {
            var left = IndexOf(serverOrder, serverOnly[i], mergeKey);
            var right = IndexOf(serverOrder, named[j], mergeKey);
            result.Add(left >= 0 && right >= 0 && left < right ? serverOnly[i++] : named[j++]);
        }

        result.AddRange(serverOnly.Skip(i));
        result.AddRange(named.Skip(j));
        return result;
    }

    private static int Rank(IReadOnlyList<JsonNode?> list, JsonNode? item, string? mergeKey)
    {
        var index = IndexOf(list, item, mergeKey);
        return index >= 0 ? index : int.MaxValue;
    }

    private static int IndexOf(IReadOnlyList<JsonNode?> list, JsonNode? item, string? mergeKey)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (SameItem(list[i], item, mergeKey))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool SameItem(JsonNode? left, JsonNode? right, string? mergeKey) =>
        mergeKey is null
            ? JsonEquality.DeepEquals(left, right)
            : TryIdentity(left, mergeKey, out var l) && TryIdentity(right, mergeKey, out var r) && JsonEquality.DeepEquals(l, r);

    private static bool TryIdentity(JsonNode? item, string mergeKey, out JsonNode? identity)
    {
        identity = null;
        return item is JsonObject obj && obj.TryGetPropertyValue(mergeKey, out identity);
    }
}
