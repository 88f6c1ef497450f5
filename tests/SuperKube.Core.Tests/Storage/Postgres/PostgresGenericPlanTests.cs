using Npgsql;

namespace SuperKube.Storage.Postgres.Tests;

/// <summary>
/// The store's connections keep their prepared statements, so PostgreSQL may plan a statement once, generically, while
/// the tables are still empty, and keep that plan as they grow. These check that the generic plans of the hot
/// statements, made on empty tables, find rows through the primary keys: a plan that scans or hashes a whole table
/// looks cheap on an empty one and costs milliseconds per batch once it holds a few thousand objects.
/// </summary>
public sealed class PostgresGenericPlanTests(PostgresServer server) : IAsyncLifetime
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));
    private string? _connectionString;

    public static TheoryData<string, string> Statements => new()
    {
        { PostgresQueries.ReadForWriteSql, "ARRAY['configmaps'], ARRAY['default'], ARRAY['a'], ARRAY[true]" },
        { PostgresQueries.DeleteObjectSql, "'configmaps', 'default', 'a'" },
        { PostgresQueries.ApplySql, "ARRAY['configmaps'], ARRAY['default'], ARRAY['a'], ARRAY[2::bigint], ARRAY['{}'::bytea], ARRAY[2::bigint], ARRAY[1::smallint], ARRAY['configmaps'], ARRAY['default'], ARRAY['a'], ARRAY['{}'::bytea], 2" },
        { PostgresQueries.ReadChangesSql, "0, 10, 500" },
    };

    public async ValueTask InitializeAsync()
    {
        _connectionString = await server.CreateSchemaAsync(_timeout.Token);
        await using var store = PostgresResourceStoreTests.NewStore(_connectionString);
        await store.InitializeAsync(_timeout.Token); // creates the tables, empty
    }

    public async ValueTask DisposeAsync()
    {
        if (_connectionString is not null)
        {
            await server.DropSchemaAsync(_connectionString, CancellationToken.None);
        }

        _timeout.Dispose();
    }

    [Theory]
    [MemberData(nameof(Statements))]
    public async Task GenericPlanOnEmptyTables_ReachesRowsThroughThePrimaryKeys(string sql, string arguments)
    {
        var plan = await GenericPlanAsync(sql, arguments);

        Assert.DoesNotContain("Seq Scan on objects", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan on changes", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Hash Join", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Merge Join", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenericPlanOnEmptyTables_OfAPlainJoin_HashesTheWholeTable()
    {
        // What the lateral LIMIT 1 guards against: the same lookup written as a join gets a hash join over a full scan.
        var plan = await GenericPlanAsync(
            """
            SELECT o.revision FROM unnest($1::text[], $2::text[], $3::text[]) AS k (resource, namespace, name)
            JOIN objects o ON o.resource = k.resource AND o.namespace = k.namespace AND o.name = k.name
            """,
            "ARRAY['configmaps'], ARRAY['default'], ARRAY['a']");

        Assert.Contains("Seq Scan on objects", plan, StringComparison.Ordinal);
    }

    /// <summary>EXPLAIN of the statement prepared and forced onto its generic plan (what a prepared statement may settle on).</summary>
    private async Task<string> GenericPlanAsync(string sql, string arguments)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(_timeout.Token);
        await using (var setup = new NpgsqlCommand($"SET plan_cache_mode = force_generic_plan; PREPARE statement AS {sql.Trim().TrimEnd(';')};", connection))
        {
            await setup.ExecuteNonQueryAsync(_timeout.Token);
        }

        await using var explain = new NpgsqlCommand($"EXPLAIN EXECUTE statement ({arguments});", connection);
        await using var reader = await explain.ExecuteReaderAsync(_timeout.Token);
        var lines = new List<string>();
        while (await reader.ReadAsync(_timeout.Token))
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }
}
