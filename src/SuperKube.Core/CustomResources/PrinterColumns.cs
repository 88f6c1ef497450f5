using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SuperKube.Tables;

namespace SuperKube.CustomResources;

/// <summary>
/// The Table of a custom resource version from its <c>additionalPrinterColumns</c>: Name first, then each column
/// evaluated with its JSONPath (first match only, as the real server does). Without columns: Name and Age.
/// </summary>
internal static class PrinterColumns
{
    /// <summary>Builds the table of a version from its <c>additionalPrinterColumns</c> array (null or empty: Name, Age).</summary>
    public static TableDefinition For(JsonArray? columns)
    {
        var parsed = (columns ?? []).OfType<JsonObject>().Select(Column).ToList();
        if (parsed.Count == 0)
        {
            return DefaultTable.NameAge;
        }

        return new TableDefinition(
            [TableColumns.Name, .. parsed.Select(c => c.Definition)],
            (obj, now) => [ObjectCells.Name(obj), .. parsed.Select(c => Cell(c, obj, now))]);
    }

    /// <summary>One cell: the first value the path selects, converted to the column type; null when there is none.</summary>
    public static object? Cell(string type, SimpleJsonPath? path, JsonObject obj, DateTimeOffset now)
    {
        var value = path?.Evaluate(obj) is [var first, ..] ? first : null;
        if (value is null)
        {
            return null;
        }

        var kind = value.GetValueKind();
        return type switch
        {
            "integer" when kind == JsonValueKind.Number => GoNumber.ToLong(value) ?? (long)GoNumber.ToDouble(value.AsValue()),
            "number" when kind == JsonValueKind.Number => GoNumber.ToLong(value) is { } whole ? whole : GoNumber.ToDouble(value.AsValue()),
            "boolean" when kind is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
            "date" when kind == JsonValueKind.String => DateTimeOffset.TryParse(value.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
                ? HumanDuration.Since(time, now)
                : null,
            "string" => kind == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString(),
            _ => null,
        };
    }

    private static object? Cell(ParsedColumn column, JsonObject obj, DateTimeOffset now) => Cell(column.Definition.Type, column.Path, obj, now);

    private static ParsedColumn Column(JsonObject column)
    {
        var type = JsonFields.Text(column, "type") ?? "string";
        var priority = (int)(GoNumber.ToLong(column["priority"]) ?? 0);
        var definition = new TableColumn(
            JsonFields.Text(column, "name") ?? "",
            type,
            JsonFields.Text(column, "description") ?? "",
            priority,
            JsonFields.Text(column, "format") ?? "");
        return new ParsedColumn(definition, SimpleJsonPath.TryParse(JsonFields.Text(column, "jsonPath") ?? ""));
    }

    private sealed record ParsedColumn(TableColumn Definition, SimpleJsonPath? Path);
}
