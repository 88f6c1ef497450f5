using System.Globalization;
using System.Text.Json.Nodes;

namespace SuperKube.Tables;

/// <summary>The generic tables of resources without a dedicated printer.</summary>
internal static class DefaultTable
{
    /// <summary>
    /// Name and <c>Created At</c> (an RFC 3339 UTC date), which the real server prints for built-in resources it
    /// has no printer for (roles, cluster roles, limit ranges, CRDs).
    /// </summary>
    public static readonly TableDefinition CreatedAt = new(
        [TableColumns.Name, new TableColumn("Created At", "date", "Time the object was created, in UTC.")],
        static (obj, _) => [ObjectCells.Name(obj), CreatedAtText(obj)]);

    /// <summary>Name and Age, the table of custom resources without additional printer columns.</summary>
    public static readonly TableDefinition NameAge = new(
        [TableColumns.Name, TableColumns.Age],
        static (obj, now) => [ObjectCells.Name(obj), ObjectCells.Age(obj, now)]);

    private static string CreatedAtText(JsonObject obj) =>
        (JsonValues.Time(obj, "metadata", "creationTimestamp") ?? DateTimeOffset.MinValue)
            .UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
