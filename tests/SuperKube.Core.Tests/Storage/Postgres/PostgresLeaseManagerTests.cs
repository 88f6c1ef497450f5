using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using SuperKube.Controllers;

namespace SuperKube.Storage.Postgres.Tests;

/// <summary>Leases on a real PostgreSQL with short durations (2 s, renewed every 0.4 s), as several servers would hold them.</summary>
public sealed class PostgresLeaseManagerTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(2);
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));
    private readonly List<IAsyncDisposable> _owned = [];
    private string _connectionString = "";
    private PostgresResourceStore? _store;

    private CancellationToken Token => _timeout.Token;

    public async ValueTask InitializeAsync()
    {
        _connectionString = await server.CreateSchemaAsync(Token);
        _store = PostgresResourceStoreTests.NewStore(_connectionString);
        await _store.InitializeAsync(Token);
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            await _owned[i].DisposeAsync();
        }

        if (_store is not null)
        {
            await _store.DisposeAsync();
            await server.DropSchemaAsync(_connectionString, CancellationToken.None);
        }

        _timeout.Dispose();
    }

    [Fact]
    public async Task AcquireAsync_FreeLease_HeldAndRenewedPastItsDuration()
    {
        var manager = NewManager("a");

        var lease = Own(await manager.AcquireAsync("l", Token));
        var acquired = await RowAsync("l");
        await PollAsync(async () => (await RowAsync("l")).Renewed > acquired.Renewed + Duration);

        Assert.False(lease.Lost.IsCancellationRequested);
        Assert.Equal("a", (await RowAsync("l")).Holder);
    }

    [Fact]
    public async Task AcquireAsync_HeldByAnother_WaitsUntilReleasedThenCountsATransition()
    {
        var first = await NewManager("a").AcquireAsync("l", Token);
        var waiting = NewManager("b").AcquireAsync("l", Token).AsTask();
        var acquired = await RowAsync("l");
        await PollAsync(async () => (await RowAsync("l")).Renewed > acquired.Renewed + Duration);
        Assert.False(waiting.IsCompleted);

        await first.DisposeAsync();
        Own(await waiting.WaitAsync(Token));

        var row = await RowAsync("l");
        Assert.Equal("b", row.Holder);
        Assert.Equal(1, row.Transitions);
    }

    [Fact]
    public async Task Lost_AnotherServerTookTheLease_CancelledAtTheNextRenewal()
    {
        var lease = Own(await NewManager("a").AcquireAsync("l", Token));

        await ExecuteAsync("UPDATE leases SET holder = 'b' WHERE name = 'l';");

        await WhenCancelledAsync(lease.Lost);
        Assert.Equal("b", (await RowAsync("l")).Holder);
    }

    [Fact]
    public async Task Lost_RenewalsBlocked_CancelledBeforeTheDatabaseConsidersTheLeaseEnded()
    {
        var lease = Own(await NewManager("a").AcquireAsync("l", Token));

        // Hold every renewal back (as a database stall or a partition would) and watch the holder fence itself.
        await using var blocker = new NpgsqlConnection(_connectionString);
        await blocker.OpenAsync(Token);
        await using var transaction = await blocker.BeginTransactionAsync(Token);
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE leases IN ACCESS EXCLUSIVE MODE;", blocker, transaction))
        {
            await lockTable.ExecuteNonQueryAsync(Token);
        }

        await WhenCancelledAsync(lease.Lost);
        await using var check = new NpgsqlCommand("SELECT clock_timestamp() < expire_time FROM leases WHERE name = 'l';", blocker, transaction);
        var stillValidInDatabase = (bool)(await check.ExecuteScalarAsync(Token))!;

        Assert.True(stillValidInDatabase, "the holder must stop before any other server could take the lease");
    }

    [Fact]
    public async Task AcquireAsync_TwoLiveServers_LeasesSpreadToAFairShareEach()
    {
        var names = new[] { "l1", "l2", "l3", "l4" };
        var a = NewManager("a");
        var held = new List<ILease>();
        foreach (var name in names)
        {
            held.Add(Own(await a.AcquireAsync(name, Token)));
        }

        await ExecuteAsync("INSERT INTO servers (identity, address, expire_time) VALUES ('a', '', now() + interval '1 hour'), ('b', '', now() + interval '1 hour');");
        var b = NewManager("b");
        var wanted = names.Select(n => b.AcquireAsync(n, Token).AsTask()).ToList();

        await PollAsync(() => Task.FromResult(wanted.Count(t => t.IsCompletedSuccessfully) == 2));
        foreach (var lease in wanted.Where(t => t.IsCompletedSuccessfully))
        {
            Own(await lease);
        }

        Assert.Equal(2, held.Count(l => l.Lost.IsCancellationRequested));
        Assert.Equal(2, await CountAsync("SELECT count(*) FROM leases WHERE holder = 'b' AND expire_time > now();"));
    }

    [Theory]
    [InlineData(10_000)]
    [InlineData(9_000)] // the holder would fence itself (a tenth before the end) before its next renewal
    public void Validate_RenewNotBelowTheFence_Fails(int renewMilliseconds)
    {
        var options = new PostgresLeaseOptions
        {
            LeaseDuration = TimeSpan.FromSeconds(10), RenewInterval = TimeSpan.FromMilliseconds(renewMilliseconds), RetryInterval = TimeSpan.Zero,
        };

        var result = new PostgresLeaseOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("PostgresLeaseOptions.RenewInterval", result.FailureMessage);
        Assert.Contains("PostgresLeaseOptions.RetryInterval", result.FailureMessage);
    }

    [Fact]
    public void Validate_RenewJustBelowTheFence_Passes()
    {
        var options = new PostgresLeaseOptions { LeaseDuration = TimeSpan.FromSeconds(10), RenewInterval = TimeSpan.FromMilliseconds(8_999) };

        Assert.True(new PostgresLeaseOptionsValidator().Validate(null, options).Succeeded);
    }

    private PostgresLeaseManager NewManager(string identity)
    {
        var options = new PostgresLeaseOptions
        {
            Identity = identity,
            LeaseDuration = Duration,
            RenewInterval = TimeSpan.FromMilliseconds(400),
            RetryInterval = TimeSpan.FromMilliseconds(200),
        };
        var manager = new PostgresLeaseManager(
            _store!, Options.Create(new PostgresStorageOptions { ConnectionString = _connectionString }), Options.Create(options),
            new LeaseObjectMirror(new ServiceCollection().BuildServiceProvider(), NullLogger<LeaseObjectMirror>.Instance),
            TimeProvider.System, NullLogger<PostgresLeaseManager>.Instance);
        _owned.Add(manager);
        return manager;
    }

    private T Own<T>(T item)
        where T : IAsyncDisposable
    {
        _owned.Add(item);
        return item;
    }

    private Task WhenCancelledAsync(CancellationToken token)
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        token.Register(() => cancelled.TrySetResult());
        return cancelled.Task.WaitAsync(Token);
    }

    private async Task PollAsync(Func<Task<bool>> condition)
    {
        while (!await condition())
        {
            await Task.Delay(50, Token);
        }
    }

    private async Task<(string Holder, DateTime Renewed, int Transitions)> RowAsync(string name)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(Token);
        await using var command = new NpgsqlCommand("SELECT holder, renew_time, transitions FROM leases WHERE name = @name;", connection);
        command.Parameters.AddWithValue("name", name);
        await using var reader = await command.ExecuteReaderAsync(Token);
        Assert.True(await reader.ReadAsync(Token));
        return (reader.GetString(0), reader.GetDateTime(1), reader.GetInt32(2));
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(Token);
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync(Token))!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(Token);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Token);
    }
}
