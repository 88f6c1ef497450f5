namespace SuperKube.Tables;

/// <summary>Joins the first few items of a list and counts the rest: <c>a,b,c + 2 more...</c>.</summary>
internal static class ListText
{
    /// <summary>How many items the printers show before summarising the rest.</summary>
    public const int Shown = 3;

    /// <summary>
    /// Joins at most <see cref="Shown"/> of <paramref name="items"/>; when there are more, appends how many of
    /// <paramref name="total"/> were left out. <paramref name="empty"/> is returned for an empty list.
    /// </summary>
    public static string Join(IReadOnlyList<string> items, int total, string empty, string separator = ",")
    {
        if (items.Count == 0)
        {
            return empty;
        }

        var text = string.Join(separator, items.Take(Shown));
        return total > Shown ? $"{text} + {total - Shown} more..." : text;
    }

    /// <summary>Joins the first few items of a complete list, counting the rest.</summary>
    public static string Join(IReadOnlyList<string> items, string empty) => Join(items, items.Count, empty);
}
