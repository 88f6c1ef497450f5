using Npgsql;

namespace SuperKube.Storage.Postgres;

/// <summary>
/// Applies the numbered scripts embedded from Storage/Postgres/Sql (NNNN_name.sql) in order and records them in
/// schema_migrations. Everything runs in one transaction holding an advisory lock, so servers starting together
/// take turns and each script runs once per database.
/// </summary>
internal static class PostgresMigrator
{
    public static async Task MigrateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await PostgresQueries.LockMigrationsAsync(connection, cancellationToken).ConfigureAwait(false);
                await PostgresQueries.CreateMigrationsTableAsync(connection, cancellationToken).ConfigureAwait(false);
                var applied = await PostgresQueries.GetAppliedMigrationsAsync(connection, cancellationToken).ConfigureAwait(false);
                foreach (var migration in GetMigrations())
                {
                    if (!applied.Contains(migration.Version))
                    {
                        await PostgresQueries.ApplyMigrationAsync(
                            connection, migration.Version, migration.Name, migration.ReadScript(), cancellationToken).ConfigureAwait(false);
                    }
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    internal static IReadOnlyList<StorageMigration> GetMigrations() => StorageMigrations.Find("SuperKube.Storage.Postgres.Sql.");
}
