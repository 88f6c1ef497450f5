using Microsoft.Data.Sqlite;

namespace SuperKube.Storage.Sqlite;

/// <summary>
/// The writer's long-lived connection. It keeps every command it ran, prepared, so SQLite parses each statement once
/// rather than on every execution: group commit runs the same few statements for every write. Single-threaded, like
/// the writer that owns it.
/// </summary>
internal sealed class StatementCachingConnection(string connectionString) : SqliteConnection(connectionString)
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>The cached command for <paramref name="sql"/>, bound to <paramref name="transaction"/>, without parameters.</summary>
    public SqliteCommand Rent(SqliteTransaction? transaction, string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }

        command.Transaction = transaction;
        command.Parameters.Clear();
        return command;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var command in _commands.Values)
            {
                command.Dispose();
            }

            _commands.Clear();
        }

        base.Dispose(disposing);
    }
}
