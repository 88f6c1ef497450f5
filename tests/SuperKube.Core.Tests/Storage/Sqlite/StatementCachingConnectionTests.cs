using Microsoft.Data.Sqlite;

namespace SuperKube.Storage.Sqlite.Tests;

public sealed class StatementCachingConnectionTests : IDisposable
{
    private readonly StatementCachingConnection _connection;

    public StatementCachingConnectionTests()
    {
        SQLitePCL.Batteries_V2.Init();
        _connection = new StatementCachingConnection("Data Source=:memory:");
        _connection.Open();
        using var create = _connection.CreateCommand();
        create.CommandText = "CREATE TABLE t (v INTEGER NOT NULL);";
        create.ExecuteNonQuery();
    }

    [Fact]
    public void Rent_SameSql_ReturnsTheSameCommand()
    {
        var first = _connection.Rent(null, "SELECT count(*) FROM t;");
        var second = _connection.Rent(null, "SELECT count(*) FROM t;");

        Assert.Same(first, second);
        Assert.NotSame(first, _connection.Rent(null, "SELECT 1;"));
    }

    [Fact]
    public void Rent_AfterAnEarlierUse_ReturnsTheCommandWithoutParametersAndRunsItAgain()
    {
        const string insert = "INSERT INTO t (v) VALUES ($v);";
        var command = _connection.Rent(null, insert);
        command.Parameters.AddWithValue("$v", 1);
        command.ExecuteNonQuery();

        var again = _connection.Rent(null, insert);
        Assert.Empty(again.Parameters);
        again.Parameters.AddWithValue("$v", 2);
        again.ExecuteNonQuery();

        Assert.Equal(3L, _connection.Rent(null, "SELECT sum(v) FROM t;").ExecuteScalar());
    }

    [Fact]
    public void Rent_WithTransaction_BindsTheCommandToIt()
    {
        using (var transaction = _connection.BeginTransaction())
        {
            var command = _connection.Rent(transaction, "INSERT INTO t (v) VALUES (5);");
            Assert.Same(transaction, command.Transaction);
            command.ExecuteNonQuery();
            transaction.Rollback();
        }

        var count = _connection.Rent(null, "SELECT count(*) FROM t;");
        Assert.Null(count.Transaction);
        Assert.Equal(0L, count.ExecuteScalar());
    }

    [Fact]
    public void Dispose_ClosesTheConnection()
    {
        _connection.Rent(null, "SELECT 1;").ExecuteScalar();

        _connection.Dispose();

        Assert.Equal(System.Data.ConnectionState.Closed, _connection.State);
    }

    public void Dispose() => _connection.Dispose();
}
