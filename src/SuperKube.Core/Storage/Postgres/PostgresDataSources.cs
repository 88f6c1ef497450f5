using System.Data.Common;
using Npgsql;

namespace SuperKube.Storage.Postgres;

/// <summary>
/// The store's connections, from the configured connection string:
/// <list type="bullet">
/// <item><see cref="Pooled"/> for reads and writes. Its connections prepare the statements they run repeatedly and keep
/// them when returned to the pool: PostgreSQL then skips parsing and planning them (a third of its CPU per batch), and
/// the reset on return (<c>DISCARD ALL</c>, which would drop them) is left out, which is safe because the store sets no
/// session state and Npgsql still rolls back a transaction left open.</item>
/// <item><see cref="Listening"/>, unpooled, for the change feed's LISTEN connection, so its subscription ends with it
/// instead of following a pooled connection to its next user.</item>
/// </list>
/// A setting the connection string names itself (for example <c>Max Auto Prepare=0</c> behind a transaction-mode
/// PgBouncer, which cannot keep prepared statements) wins over these defaults.
/// </summary>
internal sealed class PostgresDataSources : IAsyncDisposable
{
    /// <summary>More than the store's distinct hot statements, so none is evicted by another.</summary>
    private const int PreparedStatements = 32;

    private PostgresDataSources(NpgsqlDataSource pooled, NpgsqlDataSource listening)
    {
        Pooled = pooled;
        Listening = listening;
    }

    public NpgsqlDataSource Pooled { get; }

    public NpgsqlDataSource Listening { get; }

    public static PostgresDataSources Create(string connectionString)
    {
        var named = NamedSettings(connectionString);
        var pooled = new NpgsqlConnectionStringBuilder(connectionString);
        if (!named.Contains("noresetonclose"))
        {
            pooled.NoResetOnClose = true;
        }

        if (!named.Contains("maxautoprepare"))
        {
            pooled.MaxAutoPrepare = PreparedStatements;
        }

        if (!named.Contains("autoprepareminusages"))
        {
            pooled.AutoPrepareMinUsages = 2;
        }

        var listening = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        return new PostgresDataSources(NpgsqlDataSource.Create(pooled.ConnectionString), NpgsqlDataSource.Create(listening.ConnectionString));
    }

    public async ValueTask DisposeAsync()
    {
        await Listening.DisposeAsync().ConfigureAwait(false);
        await Pooled.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>The settings a connection string names, lower-cased without spaces (<c>Max Auto Prepare</c> → <c>maxautoprepare</c>).</summary>
    private static HashSet<string> NamedSettings(string connectionString) =>
        new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);
}
