using System.Runtime.InteropServices;
using Npgsql;

namespace SuperKube.Storage.Postgres;

/// <summary>
/// The writer's statements: a batch of writes costs two round trips, COMMIT included, however many ops it holds. The
/// store's connections prepare them (<see cref="PostgresDataSources"/>), so PostgreSQL reuses one generic plan per
/// statement, planned perhaps while the tables were empty: each statement is written so that its only sensible plan
/// looks rows up through the primary key (a lateral <c>LIMIT 1</c> per key rather than a join the planner could turn
/// into a hash join over the whole table; one delete per key).
/// </summary>
internal static partial class PostgresQueries
{
    /// <summary>The stored rows (JSON only where asked for) of the keys in arrays $1-$3 ($4: with JSON), by primary key.</summary>
    internal const string ReadForWriteSql = """
        SELECT o.resource, o.namespace, o.name, o.revision, CASE WHEN k.with_value THEN o.value END
        FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[]) AS k (resource, namespace, name, with_value)
        CROSS JOIN LATERAL (
            SELECT resource, namespace, name, revision, value FROM objects
            WHERE resource = k.resource AND namespace = k.namespace AND name = k.name LIMIT 1) AS o;
        """;

    internal const string DeleteObjectSql = "DELETE FROM objects WHERE resource = $1::text AND namespace = $2::text AND name = $3::text;";

    /// <summary>
    /// Inserts or overwrites the rows in arrays $1-$5, appends the change-log rows in arrays $6-$11, sets the counter to
    /// $12 and queues the NOTIFY announcing it: one statement (its parts run once each, the NOTIFY as the update's
    /// one-row source).
    /// </summary>
    internal const string ApplySql = $"""
        WITH upserted AS (
            INSERT INTO objects (resource, namespace, name, revision, value)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::bytea[])
            ON CONFLICT (resource, namespace, name) DO UPDATE SET revision = excluded.revision, value = excluded.value),
        logged AS (
            INSERT INTO changes (revision, type, resource, namespace, name, value)
            SELECT * FROM unnest($6::bigint[], $7::smallint[], $8::text[], $9::text[], $10::text[], $11::bytea[]))
        UPDATE revision_counter SET revision = $12::bigint FROM (SELECT pg_notify('{ChangesChannel}', $12::text)) AS notified;
        """;

    /// <summary>
    /// One round trip: begins a transaction, locks the revision counter row until it ends (so writers of all servers
    /// commit one after another), then reads the stored rows of <paramref name="keys"/> (JSON only where asked for).
    /// Returns the newest revision and the rows found. End the transaction with <see cref="ApplyPlanAndCommitAsync"/>
    /// or <see cref="TryRollbackAsync"/>.
    /// </summary>
    public static async Task<(long Revision, Dictionary<ObjectKey, StoredObject> Stored)> BeginAndReadForWriteAsync(
        NpgsqlConnection connection, IReadOnlyList<(ObjectKey Key, bool WithValue)> keys, CancellationToken cancellationToken)
    {
        var batch = new NpgsqlBatch(connection);
        await using (batch.ConfigureAwait(false))
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN;"));
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT revision FROM revision_counter FOR UPDATE;"));
            batch.BatchCommands.Add(BatchCommand(
                ReadForWriteSql,
                Parameter(keys.Select(k => k.Key.Resource).ToArray()),
                Parameter(keys.Select(k => k.Key.Namespace).ToArray()),
                Parameter(keys.Select(k => k.Key.Name).ToArray()),
                Parameter(keys.Select(k => k.WithValue).ToArray())));

            var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                var revision = reader.GetInt64(0);
                await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                var stored = new Dictionary<ObjectKey, StoredObject>(keys.Count);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var key = new ObjectKey(reader.GetString(0), reader.GetString(1), reader.GetString(2));
                    var json = reader.IsDBNull(4) ? ReadOnlyMemory<byte>.Empty : reader.GetFieldValue<byte[]>(4);
                    stored[key] = new StoredObject(key, reader.GetInt64(3), json);
                }

                return (revision, stored);
            }
        }
    }

    /// <summary>
    /// One round trip: writes a planned batch (rows removed, one statement each; then <see cref="ApplySql"/>) and
    /// commits. When a statement fails, PostgreSQL skips the rest of the round trip, COMMIT included.
    /// </summary>
    public static async Task ApplyPlanAndCommitAsync(NpgsqlConnection connection, PostgresWritePlan plan, CancellationToken cancellationToken)
    {
        var batch = new NpgsqlBatch(connection);
        await using (batch.ConfigureAwait(false))
        {
            if (plan.Changes.Count == 0)
            {
                batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT;"));
                await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                return;
            }

            foreach (var deleted in plan.Deletes)
            {
                batch.BatchCommands.Add(BatchCommand(
                    DeleteObjectSql,
                    Parameter(deleted.Resource), Parameter(deleted.Namespace), Parameter(deleted.Name)));
            }

            batch.BatchCommands.Add(BatchCommand(
                ApplySql,
                Parameter(plan.Upserts.Select(o => o.Key.Resource).ToArray()),
                Parameter(plan.Upserts.Select(o => o.Key.Namespace).ToArray()),
                Parameter(plan.Upserts.Select(o => o.Key.Name).ToArray()),
                Parameter(plan.Upserts.Select(o => o.Revision).ToArray()),
                Parameter(plan.Upserts.Select(o => Bytes(o.Json)).ToArray()),
                Parameter(plan.Changes.Select(c => c.Revision).ToArray()),
                Parameter(plan.Changes.Select(c => (short)c.Type).ToArray()),
                Parameter(plan.Changes.Select(c => c.Object.Key.Resource).ToArray()),
                Parameter(plan.Changes.Select(c => c.Object.Key.Namespace).ToArray()),
                Parameter(plan.Changes.Select(c => c.Object.Key.Name).ToArray()),
                Parameter(plan.Changes.Select(c => Bytes(c.Object.Json)).ToArray()),
                Parameter(plan.LastRevision)));
            batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT;"));
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Ends an open transaction, if the connection still works (a broken one is discarded anyway).</summary>
    public static async Task TryRollbackAsync(NpgsqlConnection connection)
    {
        if (connection.State != System.Data.ConnectionState.Open)
        {
            return;
        }

        try
        {
            await ExecuteAsync(Command(connection, "ROLLBACK;"), default).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
        {
            // The connection broke: nothing of the transaction remains on the server.
        }
    }

    /// <summary>The bytes as an array, without a copy when they are one already (the planned values are).</summary>
    private static byte[] Bytes(ReadOnlyMemory<byte> json) =>
        MemoryMarshal.TryGetArray(json, out var segment) && segment is { Offset: 0, Array: { } array } && array.Length == json.Length
            ? array
            : json.ToArray();

    /// <summary>
    /// A statement of the write path, with positional (<c>$1</c>), typed parameters: Npgsql then sends the SQL as it is,
    /// without parsing it for named placeholders or inferring types from the values.
    /// </summary>
    private static NpgsqlBatchCommand BatchCommand(string sql, params ReadOnlySpan<NpgsqlParameter> parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static NpgsqlParameter<T> Parameter<T>(T value) => new() { TypedValue = value };
}
