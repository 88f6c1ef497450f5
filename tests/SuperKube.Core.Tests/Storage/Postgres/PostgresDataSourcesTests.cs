using Npgsql;

namespace SuperKube.Storage.Postgres.Tests;

public sealed class PostgresDataSourcesTests
{
    private const string Database = "Host=127.0.0.1;Port=5432;Database=superkube;Username=postgres";

    [Fact]
    public async Task Create_PlainConnectionString_PoolKeepsPreparedStatementsAndListenerIsUnpooled()
    {
        await using var sources = PostgresDataSources.Create(Database);

        var pooled = new NpgsqlConnectionStringBuilder(sources.Pooled.ConnectionString);
        Assert.True(pooled.NoResetOnClose);
        Assert.True(pooled.MaxAutoPrepare > 0);
        Assert.True(pooled.Pooling);
        Assert.False(new NpgsqlConnectionStringBuilder(sources.Listening.ConnectionString).Pooling);
    }

    [Theory]
    [InlineData("Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("maxautoprepare=0;NoResetOnClose=false")]
    public async Task Create_SettingsNamedByTheUser_Win(string settings)
    {
        await using var sources = PostgresDataSources.Create($"{Database};{settings}");

        var pooled = new NpgsqlConnectionStringBuilder(sources.Pooled.ConnectionString);
        Assert.Equal(0, pooled.MaxAutoPrepare);
        Assert.False(pooled.NoResetOnClose);
    }
}
