namespace SuperKube.Tables;

/// <summary>The server-side Table definitions of the built-in resources, as the real 1.32 server prints them.</summary>
internal static class BuiltInTables
{
    /// <summary>The table for a built-in resource (group, plural), or null for the default Name/Age table.</summary>
    public static TableDefinition? For(string group, string plural) => null;
}
