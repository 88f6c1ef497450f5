using Microsoft.Data.Sqlite;

namespace SuperKube.Storage.Sqlite;

/// <summary>Every statement the SQLite store runs (migrations excepted), parameterised, in one place.</summary>
internal static class SqliteQueries
{
    public const string CurrentRevisionKey = "current_revision";
    public const string CompactedRevisionKey = "compacted_revision";

    /// <summary>
    /// Writer connection settings: WAL so readers get snapshots without blocking the writer, NORMAL sync (durable
    /// at checkpoints, never corrupt under WAL), and a busy timeout (PRAGMA values cannot be parameters).
    /// </summary>
    public static void ConfigureWriter(SqliteConnection connection) =>
        Execute(connection, null, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;");

    public static void ConfigureReader(SqliteConnection connection) =>
        Execute(connection, null, "PRAGMA busy_timeout = 5000;");

    public static void CreateMigrationsTable(SqliteConnection connection)
    {
        using var command = Command(connection, null,
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL);");
        command.ExecuteNonQuery();
    }

    public static HashSet<long> GetAppliedMigrations(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = Command(connection, transaction, "SELECT version FROM schema_migrations;");
        using var reader = command.ExecuteReader();
        var versions = new HashSet<long>();
        while (reader.Read())
        {
            versions.Add(reader.GetInt64(0));
        }

        return versions;
    }

    /// <summary>Runs a migration script (embedded resource text, never built from input) and records it.</summary>
    public static void ApplyMigration(SqliteConnection connection, SqliteTransaction transaction, long version, string name, string script)
    {
        using (var command = Command(connection, transaction, script))
        {
            command.ExecuteNonQuery();
        }

        using var record = Command(connection, transaction, "INSERT INTO schema_migrations (version, name) VALUES ($version, $name);");
        record.Parameters.AddWithValue("$version", version);
        record.Parameters.AddWithValue("$name", name);
        record.ExecuteNonQuery();
    }

    public static long GetMeta(SqliteConnection connection, SqliteTransaction? transaction, string key)
    {
        using var command = Command(connection, transaction, "SELECT value FROM meta WHERE key = $key;");
        command.Parameters.AddWithValue("$key", key);
        return command.ExecuteScalar() is long value ? value : 0;
    }

    public static void SetMeta(SqliteConnection connection, SqliteTransaction transaction, string key, long value)
    {
        using var command = Command(connection, transaction, "UPDATE meta SET value = $value WHERE key = $key;");
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$value", value);
        command.ExecuteNonQuery();
    }

    /// <summary>The revision of the stored object, or null when absent.</summary>
    public static long? GetRevision(SqliteConnection connection, SqliteTransaction transaction, ObjectKey key)
    {
        using var command = KeyCommand(connection, transaction,
            "SELECT revision FROM objects WHERE resource = $resource AND namespace = $namespace AND name = $name;", key);
        return command.ExecuteScalar() is long revision ? revision : null;
    }

    public static StoredObject? GetObject(SqliteConnection connection, SqliteTransaction? transaction, ObjectKey key)
    {
        using var command = KeyCommand(connection, transaction,
            "SELECT revision, value FROM objects WHERE resource = $resource AND namespace = $namespace AND name = $name;", key);
        using var reader = command.ExecuteReader();
        return reader.Read() ? new StoredObject(key, reader.GetInt64(0), reader.GetFieldValue<byte[]>(1)) : null;
    }

    /// <summary>Inserts an object; false (and nothing written) when the key exists.</summary>
    public static bool InsertObject(SqliteConnection connection, SqliteTransaction transaction, ObjectKey key, long revision, byte[] value)
    {
        using var command = KeyCommand(connection, transaction,
            """
            INSERT INTO objects (resource, namespace, name, revision, value) VALUES ($resource, $namespace, $name, $revision, $value)
            ON CONFLICT (resource, namespace, name) DO NOTHING;
            """, key);
        AddRevisionAndValue(command, revision, value);
        return command.ExecuteNonQuery() == 1;
    }

    public static void UpdateObject(SqliteConnection connection, SqliteTransaction transaction, ObjectKey key, long revision, byte[] value)
    {
        using var command = KeyCommand(connection, transaction,
            "UPDATE objects SET revision = $revision, value = $value WHERE resource = $resource AND namespace = $namespace AND name = $name;",
            key);
        AddRevisionAndValue(command, revision, value);
        command.ExecuteNonQuery();
    }

    public static void DeleteObject(SqliteConnection connection, SqliteTransaction transaction, ObjectKey key)
    {
        using var command = KeyCommand(connection, transaction,
            "DELETE FROM objects WHERE resource = $resource AND namespace = $namespace AND name = $name;", key);
        command.ExecuteNonQuery();
    }

    public static void InsertChange(
        SqliteConnection connection, SqliteTransaction transaction, long revision, ChangeType type, ObjectKey key, byte[] value)
    {
        using var command = KeyCommand(connection, transaction,
            """
            INSERT INTO changes (revision, type, resource, namespace, name, value)
            VALUES ($revision, $type, $resource, $namespace, $name, $value);
            """, key);
        command.Parameters.AddWithValue("$type", (int)type);
        AddRevisionAndValue(command, revision, value);
        command.ExecuteNonQuery();
    }

    public static List<StoredObject> ListObjects(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = Command(connection, transaction,
            "SELECT resource, namespace, name, revision, value FROM objects ORDER BY resource, namespace, name;");
        return ReadObjects(command);
    }

    /// <summary>The objects of one resource, of one namespace unless <paramref name="ns"/> is null, by namespace and name.</summary>
    public static List<StoredObject> ListObjects(SqliteConnection connection, SqliteTransaction transaction, string resource, string? ns)
    {
        using var command = Command(connection, transaction, ns is null
            ? "SELECT resource, namespace, name, revision, value FROM objects WHERE resource = $resource ORDER BY namespace, name;"
            : "SELECT resource, namespace, name, revision, value FROM objects WHERE resource = $resource AND namespace = $namespace ORDER BY name;");
        command.Parameters.AddWithValue("$resource", resource);
        if (ns is not null)
        {
            command.Parameters.AddWithValue("$namespace", ns);
        }

        return ReadObjects(command);
    }

    private static List<StoredObject> ReadObjects(SqliteStatement command)
    {
        using var reader = command.ExecuteReader();
        var objects = new List<StoredObject>();
        while (reader.Read())
        {
            var key = new ObjectKey(reader.GetString(0), reader.GetString(1), reader.GetString(2));
            objects.Add(new StoredObject(key, reader.GetInt64(3), reader.GetFieldValue<byte[]>(4)));
        }

        return objects;
    }

    /// <summary>Changes with after &lt; revision &lt;= upTo, oldest first, at most <paramref name="limit"/>.</summary>
    public static List<StoredChange> ReadChanges(
        SqliteConnection connection, SqliteTransaction transaction, long after, long upTo, int limit)
    {
        using var command = Command(connection, transaction,
            """
            SELECT revision, type, resource, namespace, name, value FROM changes
            WHERE revision > $after AND revision <= $upTo ORDER BY revision LIMIT $limit;
            """);
        command.Parameters.AddWithValue("$after", after);
        command.Parameters.AddWithValue("$upTo", upTo);
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var changes = new List<StoredChange>();
        while (reader.Read())
        {
            var revision = reader.GetInt64(0);
            var key = new ObjectKey(reader.GetString(2), reader.GetString(3), reader.GetString(4));
            var stored = new StoredObject(key, revision, reader.GetFieldValue<byte[]>(5));
            changes.Add(new StoredChange(revision, (ChangeType)reader.GetInt32(1), stored));
        }

        return changes;
    }

    public static void DeleteChangesThrough(SqliteConnection connection, SqliteTransaction transaction, long revision)
    {
        using var command = Command(connection, transaction, "DELETE FROM changes WHERE revision <= $revision;");
        command.Parameters.AddWithValue("$revision", revision);
        command.ExecuteNonQuery();
    }

    public static void Savepoint(SqliteConnection connection, SqliteTransaction transaction) =>
        Execute(connection, transaction, "SAVEPOINT write_op;");

    public static void ReleaseSavepoint(SqliteConnection connection, SqliteTransaction transaction) =>
        Execute(connection, transaction, "RELEASE write_op;");

    public static void RollbackToSavepoint(SqliteConnection connection, SqliteTransaction transaction) =>
        Execute(connection, transaction, "ROLLBACK TO write_op; RELEASE write_op;");

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = Command(connection, transaction, sql);
        command.ExecuteNonQuery();
    }

    private static void AddRevisionAndValue(SqliteStatement command, long revision, byte[] value)
    {
        command.Parameters.AddWithValue("$revision", revision);
        command.Parameters.Add("$value", SqliteType.Blob).Value = value;
    }

    private static SqliteStatement KeyCommand(SqliteConnection connection, SqliteTransaction? transaction, string sql, ObjectKey key)
    {
        var command = Command(connection, transaction, sql);
        command.Parameters.AddWithValue("$resource", key.Resource);
        command.Parameters.AddWithValue("$namespace", key.Namespace);
        command.Parameters.AddWithValue("$name", key.Name);
        return command;
    }

    private static SqliteStatement Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        if (connection is StatementCachingConnection caching)
        {
            return new SqliteStatement(caching.Rent(transaction, sql), owned: false);
        }

        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return new SqliteStatement(command, owned: true);
    }
}
