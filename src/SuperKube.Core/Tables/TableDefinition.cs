using System.Text.Json.Nodes;

namespace SuperKube.Tables;

/// <summary>
/// How objects of one resource are printed as Table rows: the column definitions and a function producing
/// one cell per column (strings, longs or booleans) from an object. Cells for every column are always
/// produced, priority-1 ones included; kubectl hides those unless <c>-o wide</c>.
/// </summary>
public sealed class TableDefinition
{
    public TableDefinition(IReadOnlyList<TableColumn> columns, Func<JsonObject, DateTimeOffset, object?[]> row)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(row);
        Columns = columns;
        Row = row;
    }

    /// <summary>The columns, in the order of the cells.</summary>
    public IReadOnlyList<TableColumn> Columns { get; }

    /// <summary>Builds the cells of one row; the second argument is "now", for ages.</summary>
    public Func<JsonObject, DateTimeOffset, object?[]> Row { get; }
}
