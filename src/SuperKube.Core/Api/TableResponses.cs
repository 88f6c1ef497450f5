using System.Text.Json.Nodes;
using SuperKube.Objects;
using SuperKube.Registry;
using SuperKube.Tables;
using SuperKube.WatchCache;

namespace SuperKube.Api;

/// <summary>Builds meta.k8s.io/v1 Table responses from cached objects and the resource's table definition.</summary>
internal static class TableResponses
{
    /// <summary>How much of each object a row carries (the includeObject parameter).</summary>
    public enum IncludeObject
    {
        Metadata,
        Object,
        None,
    }

    public static IncludeObject ParseInclude(string? value) => value switch
    {
        null or "" or "Metadata" => IncludeObject.Metadata,
        "Object" => IncludeObject.Object,
        "None" => IncludeObject.None,
        _ => throw ApiException.BadRequest($"includeObject: Unsupported value: \"{value}\": supported values: \"Metadata\", \"Object\", \"None\""),
    };

    public static JsonObject Build(
        ResourceType type,
        IEnumerable<CachedObject> objects,
        DateTimeOffset now,
        IncludeObject include,
        string resourceVersion,
        string continueToken,
        bool withColumns = true)
    {
        var definition = type.Table ?? DefaultTable.NameAge;
        var rows = new JsonArray();
        foreach (var cached in objects)
        {
            rows.Add(Row(definition, cached, now, include));
        }

        var metadata = new JsonObject { ["resourceVersion"] = resourceVersion };
        if (continueToken.Length > 0)
        {
            metadata["continue"] = continueToken;
        }

        var table = new JsonObject { ["kind"] = "Table", ["apiVersion"] = "meta.k8s.io/v1", ["metadata"] = metadata };
        table["columnDefinitions"] = withColumns ? Columns(definition) : new JsonArray();
        table["rows"] = rows;
        return table;
    }

    private static JsonArray Columns(TableDefinition definition)
    {
        var columns = new JsonArray();
        foreach (var column in definition.Columns)
        {
            columns.Add(new JsonObject
            {
                ["name"] = column.Name,
                ["type"] = column.Type,
                ["format"] = column.Format,
                ["description"] = column.Description,
                ["priority"] = column.Priority,
            });
        }

        return columns;
    }

    private static JsonObject Row(TableDefinition definition, CachedObject cached, DateTimeOffset now, IncludeObject include)
    {
        var obj = cached.Parse();
        object?[] values;
        try
        {
            values = definition.Row(obj, now);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or ArgumentException)
        {
            // A malformed stored object must not break listing: print what can be printed.
            values = new object?[definition.Columns.Count];
            values[0] = ObjectMetadata.Name(obj);
        }

        var cells = new JsonArray();
        foreach (var value in values)
        {
            cells.Add(value switch
            {
                null => null,
                string s => JsonValue.Create(s),
                bool b => JsonValue.Create(b),
                int i => JsonValue.Create((long)i),
                long l => JsonValue.Create(l),
                double d => JsonValue.Create(d),
                _ => JsonValue.Create(value.ToString()),
            });
        }

        var row = new JsonObject { ["cells"] = cells };
        switch (include)
        {
            case IncludeObject.Object:
                row["object"] = obj;
                break;
            case IncludeObject.Metadata:
                row["object"] = new JsonObject
                {
                    ["kind"] = "PartialObjectMetadata",
                    ["apiVersion"] = "meta.k8s.io/v1",
                    ["metadata"] = obj["metadata"]?.DeepClone(),
                };
                break;
        }

        return row;
    }
}
