using System.Text.Json.Nodes;
using SuperKube.Tables;

namespace SuperKube.Tables.Tests;

/// <summary>Shared inputs for the table tests: a fixed "now" and JSON parsing.</summary>
internal static class TableTestData
{
    public static readonly DateTimeOffset Now = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>An RFC 3339 timestamp the given time before <see cref="Now"/>.</summary>
    public static string Ago(TimeSpan span) => (Now - span).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    /// <summary>The row of <paramref name="json"/> as a column-name to cell map.</summary>
    public static Dictionary<string, object?> Cells(TableDefinition table, string json)
    {
        var row = table.Row(Parse(json), Now);
        Assert.Equal(table.Columns.Count, row.Length);
        return table.Columns.Select((c, i) => (c.Name, Cell: row[i])).ToDictionary(p => p.Name, p => p.Cell);
    }
}
