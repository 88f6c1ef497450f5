using Microsoft.Data.Sqlite;

namespace SuperKube.Storage.Sqlite;

/// <summary>
/// One use of a command by <see cref="SqliteQueries"/>: a prepared command kept by a
/// <see cref="StatementCachingConnection"/>, or a fresh one that is disposed after use.
/// </summary>
internal readonly struct SqliteStatement(SqliteCommand command, bool owned) : IDisposable
{
    public SqliteParameterCollection Parameters => command.Parameters;

    public int ExecuteNonQuery() => command.ExecuteNonQuery();

    public object? ExecuteScalar() => command.ExecuteScalar();

    public SqliteDataReader ExecuteReader() => command.ExecuteReader();

    public void Dispose()
    {
        if (owned)
        {
            command.Dispose();
        }
    }
}
