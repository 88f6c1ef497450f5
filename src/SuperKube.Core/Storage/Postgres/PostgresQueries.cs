using Npgsql;

namespace SuperKube.Storage.Postgres;

/// <summary>Every statement the PostgreSQL store runs (migration scripts excepted), parameterised, in one place.</summary>
internal static partial class PostgresQueries
{
    /// <summary>The NOTIFY channel that wakes the other servers' change-log tailers after a commit.</summary>
    public const string ChangesChannel = "superkube_changes";

    /// <summary>Advisory lock keys (arbitrary constants, unique to SuperKube within a database).</summary>
    private const long MigrationLockKey = 0x5375_7065_724B_0001;
    private const long CompactionLockKey = 0x5375_7065_724B_0002;

    private const string KeyFilter = "resource = @resource AND namespace = @namespace AND name = @name";

    /// <summary>Waits for the migration lock; released when the transaction ends.</summary>
    public static Task LockMigrationsAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        ExecuteAsync(Command(connection, "SELECT pg_advisory_xact_lock(@key);", ("key", MigrationLockKey)), cancellationToken);

    public static Task CreateMigrationsTableAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        ExecuteAsync(
            Command(connection, "CREATE TABLE IF NOT EXISTS schema_migrations (version bigint PRIMARY KEY, name text NOT NULL);"),
            cancellationToken);

    public static Task<List<long>> GetAppliedMigrationsAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        ReadAllAsync(Command(connection, "SELECT version FROM schema_migrations;"), r => r.GetInt64(0), cancellationToken);

    /// <summary>Runs a migration script (embedded resource text, never built from input) and records it.</summary>
    public static async Task ApplyMigrationAsync(
        NpgsqlConnection connection, long version, string name, string script, CancellationToken cancellationToken)
    {
        await ExecuteAsync(Command(connection, script), cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(
            Command(connection, "INSERT INTO schema_migrations (version, name) VALUES (@version, @name);", ("version", version), ("name", name)),
            cancellationToken).ConfigureAwait(false);
    }

    public static Task<long> GetCurrentRevisionAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        ScalarAsync(Command(connection, "SELECT revision FROM revision_counter;"), cancellationToken);

    public static Task<long> GetCompactedRevisionAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        ScalarAsync(Command(connection, "SELECT revision FROM compaction;"), cancellationToken);

    /// <summary>The object's revision and JSON, or null when absent.</summary>
    public static async Task<StoredObject?> GetObjectAsync(NpgsqlConnection connection, ObjectKey key, CancellationToken cancellationToken)
    {
        var rows = await ReadAllAsync(
            KeyCommand(connection, $"SELECT revision, value FROM objects WHERE {KeyFilter};", key),
            r => new StoredObject(key, r.GetInt64(0), r.GetFieldValue<byte[]>(1)),
            cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public static Task<List<StoredObject>> ListObjectsAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        ReadAllAsync(
            Command(connection, "SELECT resource, namespace, name, revision, value FROM objects ORDER BY resource, namespace, name;"),
            ReadObject,
            cancellationToken);

    /// <summary>
    /// The objects of one resource, of one namespace unless <paramref name="ns"/> is null, by namespace and name in
    /// byte order (the "C" collation, as the SQLite store and the watch cache sort).
    /// </summary>
    public static Task<List<StoredObject>> ListObjectsAsync(NpgsqlConnection connection, string resource, string? ns, CancellationToken cancellationToken) =>
        ReadAllAsync(
            ns is null
                ? Command(connection,
                    "SELECT resource, namespace, name, revision, value FROM objects WHERE resource = @resource ORDER BY namespace COLLATE \"C\", name COLLATE \"C\";",
                    ("resource", resource))
                : Command(connection,
                    "SELECT resource, namespace, name, revision, value FROM objects WHERE resource = @resource AND namespace = @namespace ORDER BY name COLLATE \"C\";",
                    ("resource", resource), ("namespace", ns)),
            ReadObject,
            cancellationToken);

    private static StoredObject ReadObject(NpgsqlDataReader r) =>
        new(new ObjectKey(r.GetString(0), r.GetString(1), r.GetString(2)), r.GetInt64(3), r.GetFieldValue<byte[]>(4));

    /// <summary>The compaction point on every row, with the changes $1 &lt; revision &lt;= $2 (at most $3, oldest first) if any.</summary>
    internal const string ReadChangesSql = """
        SELECT c.revision, ch.revision, ch.type, ch.resource, ch.namespace, ch.name, ch.value
        FROM compaction c
        LEFT JOIN LATERAL (
            SELECT revision, type, resource, namespace, name, value FROM changes
            WHERE revision > $1::bigint AND revision <= $2::bigint ORDER BY revision LIMIT $3::integer) AS ch ON true
        ORDER BY ch.revision;
        """;

    /// <summary>
    /// One statement (so one snapshot): the compaction point, and the changes with after &lt; revision &lt;= upTo, oldest
    /// first, at most <paramref name="limit"/> (the caller checks <paramref name="after"/> against the compaction point).
    /// </summary>
    public static async Task<(long Compacted, List<StoredChange> Changes)> ReadChangesAsync(
        NpgsqlConnection connection, long after, long upTo, int limit, CancellationToken cancellationToken)
    {
        var batch = new NpgsqlBatch(connection);
        await using (batch.ConfigureAwait(false))
        {
            batch.BatchCommands.Add(BatchCommand(
                ReadChangesSql,
                Parameter(after), Parameter(upTo), Parameter(limit)));
            var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                var compacted = 0L;
                var changes = new List<StoredChange>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    compacted = reader.GetInt64(0);
                    if (reader.IsDBNull(1))
                    {
                        continue; // no changes in the range: the one row carries only the compaction point
                    }

                    var revision = reader.GetInt64(1);
                    var key = new ObjectKey(reader.GetString(3), reader.GetString(4), reader.GetString(5));
                    changes.Add(new StoredChange(revision, (ChangeType)reader.GetInt16(2), new StoredObject(key, revision, reader.GetFieldValue<byte[]>(6))));
                }

                return (compacted, changes);
            }
        }
    }

    /// <summary>Takes the compaction lock for the transaction if no other server holds it.</summary>
    public static async Task<bool> TryLockCompactionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var locked = await ReadAllAsync(
            Command(connection, "SELECT pg_try_advisory_xact_lock(@key);", ("key", CompactionLockKey)), r => r.GetBoolean(0),
            cancellationToken).ConfigureAwait(false);
        return locked[0];
    }

    /// <summary>Removes change-log rows through <paramref name="revision"/> and records the new compaction point.</summary>
    public static Task CompactThroughAsync(NpgsqlConnection connection, long revision, CancellationToken cancellationToken) =>
        ExecuteAsync(
            Command(connection,
                "DELETE FROM changes WHERE revision <= @revision; UPDATE compaction SET revision = @revision WHERE revision < @revision;",
                ("revision", revision)),
            cancellationToken);

    /// <summary>Subscribes the connection to <see cref="ChangesChannel"/> (a constant identifier, not a parameter).</summary>
    public static Task ListenAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        ExecuteAsync(Command(connection, $"LISTEN {ChangesChannel};"), cancellationToken);

    private static async Task<int> ExecuteAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using (command.ConfigureAwait(false))
        {
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<long> ScalarAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using (command.ConfigureAwait(false))
        {
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long value ? value : 0;
        }
    }

    private static async Task<List<T>> ReadAllAsync<T>(NpgsqlCommand command, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
    {
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                var rows = new List<T>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add(map(reader));
                }

                return rows;
            }
        }
    }

    private static NpgsqlCommand KeyCommand(
        NpgsqlConnection connection, string sql, ObjectKey key, params ReadOnlySpan<(string Name, object Value)> parameters)
    {
        var command = Command(connection, sql, parameters);
        command.Parameters.AddWithValue("resource", key.Resource);
        command.Parameters.AddWithValue("namespace", key.Namespace);
        command.Parameters.AddWithValue("name", key.Name);
        return command;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params ReadOnlySpan<(string Name, object Value)> parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
