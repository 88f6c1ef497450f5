using Microsoft.Data.Sqlite;

namespace SuperKube.Storage.Sqlite;

/// <summary>
/// Applies the numbered scripts embedded from Storage/Sqlite/Sql (NNNN_name.sql) in order, each in its own
/// transaction, and records them in schema_migrations so each runs once per database.
/// </summary>
internal static class SqliteMigrator
{
    public static void Migrate(SqliteConnection connection)
    {
        SqliteQueries.CreateMigrationsTable(connection);
        foreach (var migration in GetMigrations())
        {
            using var transaction = connection.BeginTransaction();
            if (!SqliteQueries.GetAppliedMigrations(connection, transaction).Contains(migration.Version))
            {
                SqliteQueries.ApplyMigration(connection, transaction, migration.Version, migration.Name, migration.ReadScript());
            }

            transaction.Commit();
        }
    }

    internal static IReadOnlyList<StorageMigration> GetMigrations() => StorageMigrations.Find("SuperKube.Storage.Sqlite.Sql.");
}
