using System.Globalization;
using System.Reflection;
using Microsoft.Data.Sqlite;

namespace SuperKube.Storage.Sqlite;

/// <summary>
/// Applies the numbered scripts embedded from Storage/Sqlite/Sql (NNNN_name.sql) in order, each in its own
/// transaction, and records them in schema_migrations so each runs once per database.
/// </summary>
internal static class SqliteMigrator
{
    private const string ResourcePrefix = "SuperKube.Storage.Sqlite.Sql.";

    public static void Migrate(SqliteConnection connection)
    {
        SqliteQueries.CreateMigrationsTable(connection);
        foreach (var migration in GetMigrations())
        {
            using var transaction = connection.BeginTransaction();
            if (!SqliteQueries.GetAppliedMigrations(connection, transaction).Contains(migration.Version))
            {
                SqliteQueries.ApplyMigration(connection, transaction, migration.Version, migration.Name, ReadScript(migration.Resource));
            }

            transaction.Commit();
        }
    }

    internal static IReadOnlyList<Migration> GetMigrations()
    {
        var migrations = new List<Migration>();
        foreach (var resource in typeof(SqliteMigrator).Assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var name = resource[ResourcePrefix.Length..^".sql".Length];
            var separator = name.IndexOf('_', StringComparison.Ordinal);
            if (separator <= 0 || !long.TryParse(name.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                throw new InvalidOperationException($"Embedded SQLite migration '{resource}' is not named NNNN_description.sql.");
            }

            migrations.Add(new Migration(version, name, resource));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        return migrations;
    }

    private static string ReadScript(string resource)
    {
        using var stream = typeof(SqliteMigrator).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded SQLite migration '{resource}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    internal sealed record Migration(long Version, string Name, string Resource);
}
