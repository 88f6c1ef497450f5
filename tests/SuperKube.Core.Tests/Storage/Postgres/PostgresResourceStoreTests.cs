using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using SuperKube.Storage.Tests;

namespace SuperKube.Storage.Postgres.Tests;

public sealed class PostgresResourceStoreTests(PostgresServer server) : ResourceStoreConformanceTests
{
    private readonly List<PostgresResourceStore> _extraStores = [];
    private string? _connectionString;

    private string ConnectionString => _connectionString ?? throw new InvalidOperationException("Created in CreateStoreAsync.");

    protected override async Task<IResourceStore> CreateStoreAsync()
    {
        _connectionString = await server.CreateSchemaAsync(Token);
        var store = NewStore(ConnectionString);
        await store.InitializeAsync(Token);
        return store;
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var store in _extraStores)
        {
            await store.DisposeAsync();
        }

        await base.DisposeAsync();
        if (_connectionString is not null)
        {
            await server.DropSchemaAsync(_connectionString, CancellationToken.None);
        }
    }

    [Fact]
    public async Task WatchAsync_DatabaseUnreachableForAWhile_ReportsProblemThenResumesWithoutLoss()
    {
        var cut = await server.CreateSchemaWithOwnRoleAsync(Token);
        var store = NewStore(cut);
        _extraStores.Add(store);
        await store.InitializeAsync(Token);
        var other = NewStore(new NpgsqlConnectionStringBuilder(cut) { Username = "postgres" }.ConnectionString);
        _extraStores.Add(other);
        await other.InitializeAsync(Token);
        var start = store.CurrentRevision;
        await using var watch = store.WatchAsync(start, Token).GetAsyncEnumerator(Token);
        var acknowledged = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            acknowledged.Add((await store.CreateAsync(Key($"before{i}"), Json($"before{i}"), Token)).Revision);
        }

        try
        {
            await server.SetReachableAsync(cut, reachable: false, Token);
            while (store.Problem is null)
            {
                await Task.Delay(20, Token);
            }

            for (var i = 0; i < 5; i++)
            {
                acknowledged.Add((await other.CreateAsync(Key($"during{i}"), Json($"during{i}"), Token)).Revision);
            }

            Assert.NotNull(store.Problem);
        }
        finally
        {
            await server.SetReachableAsync(cut, reachable: true, Token);
        }

        // Pooled connections died with the cut: the writer retries the batch on a fresh one.
        for (var i = 0; i < 5; i++)
        {
            acknowledged.Add((await store.CreateAsync(Key($"after{i}"), Json($"after{i}"), Token)).Revision);
        }

        var events = await TakeAsync(watch, acknowledged.Count);
        Assert.Equal(acknowledged, events.Select(e => e.Revision));
        Assert.Equal(Enumerable.Range(1, acknowledged.Count).Select(i => start + i), events.Select(e => e.Revision));
        while (store.Problem is not null)
        {
            await Task.Delay(20, Token); // the change-log tailer reconnects within its backoff (at most 5 s)
        }
    }

    [Fact]
    public async Task WatchAsync_WritesThroughAnotherServer_SeenExactlyOnceInOrder()
    {
        var other = await SecondServerAsync();
        var start = Store.CurrentRevision;
        await using var watch = Store.WatchAsync(start, Token).GetAsyncEnumerator(Token);

        // Interleave writes through both servers; the watch on the first must see all of them once, in order.
        var written = new List<StoredObject>();
        for (var i = 0; i < 20; i++)
        {
            var through = i % 2 == 0 ? other : Store;
            written.Add(await through.CreateAsync(Key($"o{i}"), Json($"o{i}"), Token));
        }

        written.Add(await other.UpdateAsync(Key("o1"), Json("o1", "2"), null, Token));
        written.Add(await other.DeleteAsync(Key("o2"), null, Token));
        var events = await TakeAsync(watch, written.Count);

        Assert.Equal(Enumerable.Range(1, written.Count).Select(i => start + i), events.Select(e => e.Revision));
        Assert.Equal(written.Select(w => w.Revision), events.Select(e => e.Revision));
        Assert.Equal(ChangeType.Modified, events[^2].Type);
        Assert.Equal(ChangeType.Deleted, events[^1].Type);
    }

    [Fact]
    public async Task WatchAsync_ConcurrentWritersOnTwoServers_BothWatchesSeeTheSameSequence()
    {
        var other = await SecondServerAsync();
        const int PerServer = 100;
        var start = Store.CurrentRevision;
        await using var first = Store.WatchAsync(start, Token).GetAsyncEnumerator(Token);
        await using var second = other.WatchAsync(start, Token).GetAsyncEnumerator(Token);

        await Task.WhenAll(
            Task.WhenAll(Enumerable.Range(0, PerServer).Select(i => Store.CreateAsync(Key($"a{i}"), Json($"a{i}"), Token))),
            Task.WhenAll(Enumerable.Range(0, PerServer).Select(i => other.CreateAsync(Key($"b{i}"), Json($"b{i}"), Token))));
        var seenByFirst = await TakeAsync(first, 2 * PerServer);
        var seenBySecond = await TakeAsync(second, 2 * PerServer);

        Assert.Equal(Enumerable.Range(1, 2 * PerServer).Select(i => start + i), seenByFirst.Select(e => e.Revision));
        Assert.Equal(seenByFirst.Select(e => (e.Revision, e.Object.Key)), seenBySecond.Select(e => (e.Revision, e.Object.Key)));
    }

    [Fact]
    public async Task CreateAsync_SameNameThroughTwoServers_ExactlyOneSucceeds()
    {
        var other = await SecondServerAsync();

        for (var round = 0; round < 10; round++)
        {
            var key = Key($"race{round}");
            var attempts = new[] { Store.CreateAsync(key, Json(key.Name), Token), other.CreateAsync(key, Json(key.Name), Token) };
            try
            {
                await Task.WhenAll(attempts);
            }
            catch (ResourceAlreadyExistsException)
            {
                // Expected for one of the two; counted below.
            }

            Assert.Equal(1, attempts.Count(a => a.IsCompletedSuccessfully));
            var failed = attempts.Where(a => a.IsFaulted).Select(a => a.Exception!.InnerException).ToList();
            Assert.IsType<ResourceAlreadyExistsException>(Assert.Single(failed));
        }
    }

    [Fact]
    public async Task InitializeAsync_SeveralServersAtOnce_MigratesOnce()
    {
        var connectionString = await server.CreateSchemaAsync(Token);
        try
        {
            var stores = Enumerable.Range(0, 4).Select(_ => NewStore(connectionString)).ToList();
            _extraStores.AddRange(stores);

            await Task.WhenAll(stores.Select(s => s.InitializeAsync(Token)));
            var created = await stores[0].CreateAsync(Key("a"), Json("a"), Token);

            Assert.Equal(1, created.Revision);
            Assert.Equal(PostgresMigrator.GetMigrations().Count, await CountAsync(connectionString, "SELECT COUNT(*) FROM schema_migrations;"));
            Assert.Contains(PostgresMigrator.GetMigrations(), m => m.Version == 1 && m.Name == "0001_init");
        }
        finally
        {
            foreach (var store in _extraStores)
            {
                await store.DisposeAsync();
            }

            _extraStores.Clear();
            await server.DropSchemaAsync(connectionString, CancellationToken.None);
        }
    }

    [Fact]
    public async Task InitializeAsync_SecondServer_StartsAtTheSharedRevisions()
    {
        await Store.CreateAsync(Key("a"), Json("a"), Token);
        await Store.CreateAsync(Key("b"), Json("b"), Token);
        await Store.CompactAsync(1, Token);

        var other = await SecondServerAsync();
        var next = await other.CreateAsync(Key("c"), Json("c"), Token);

        Assert.Equal(2, other.CurrentRevision - 1);
        Assert.Equal(3, next.Revision);
        Assert.Equal(1, other.CompactedRevision);
        Assert.Equal(3, (await other.ListAsync(Token)).Objects.Count);
    }

    [Fact]
    public async Task WatchAsync_AnotherServerCompacted_TailerReadsTheCompactionPointWithTheChanges()
    {
        var other = await SecondServerAsync();
        await Store.CreateAsync(Key("a"), Json("a"), Token);
        await Store.CreateAsync(Key("b"), Json("b"), Token);
        await Store.CompactAsync(2, Token);
        var announced = await Store.CreateAsync(Key("c"), Json("c"), Token); // its NOTIFY makes the other server read the log

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Token);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        while (other.CurrentRevision < announced.Revision)
        {
            await Task.Delay(10, deadline.Token);
        }

        Assert.Equal(2, other.CompactedRevision);
        var error = Assert.Throws<RevisionCompactedException>(() => other.WatchAsync(1, Token));
        Assert.Equal(2, error.Compacted);
    }

    [Fact]
    public async Task CompactAsync_ManyRevisions_CompactsInSeveralBatches()
    {
        var count = PostgresResourceStore.CompactionBatchSize * 2 + 500;
        await Task.WhenAll(Enumerable.Range(0, count).Select(i => Store.CreateAsync(Key($"o{i}"), Json($"o{i}"), Token)));
        var target = Store.CurrentRevision - 10;

        await Store.CompactAsync(target, Token);
        await using var watch = Store.WatchAsync(target, Token).GetAsyncEnumerator(Token);
        var rest = await TakeAsync(watch, 10);

        Assert.Equal(target, Store.CompactedRevision);
        Assert.Equal(target + 1, rest[0].Revision);
        Assert.Equal(10, await CountAsync(ConnectionString, "SELECT COUNT(*) FROM changes;"));
    }

    [Fact]
    public async Task WatchAsync_AnotherServersWrite_ArrivesByNotificationWithoutThePoll()
    {
        // The watching store polls once an hour: only the NOTIFY of the other server's commit can bring its writes in
        // time, also after notifications of this store's own commits (which its tailer skips).
        var watching = new PostgresResourceStore(
            Options.Create(new PostgresStorageOptions { ConnectionString = ConnectionString, PollInterval = TimeSpan.FromHours(1) }),
            NullLogger<PostgresResourceStore>.Instance);
        _extraStores.Add(watching);
        await watching.InitializeAsync(Token);
        var start = watching.CurrentRevision;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Token);
        deadline.CancelAfter(TimeSpan.FromSeconds(30)); // a missed notification ends the watch with a cancellation
        await using var watch = watching.WatchAsync(start, deadline.Token).GetAsyncEnumerator(deadline.Token);

        // Several rounds: the first may be served by the tailer's initial read, the later ones only by notifications.
        for (var round = 0; round < 3; round++)
        {
            var own = await watching.CreateAsync(Key($"own{round}"), Json("own"), Token);
            var others = await Store.CreateAsync(Key($"other{round}"), Json("other"), Token);
            var events = await TakeAsync(watch, 2);

            Assert.Equal([own.Revision, others.Revision], events.Select(e => e.Revision));
        }
    }

    [Fact]
    public async Task WriteAsync_FailingOpsInBatch_DoNotAffectTheOthers()
    {
        await Store.CreateAsync(Key("existing"), Json("existing"), Token);
        var start = Store.CurrentRevision;

        var tasks = await QueueWhileWriterStalledAsync(() =>
        {
            var queued = new List<(bool ShouldFail, Task<StoredObject> Task)>();
            for (var i = 0; i < 20; i++)
            {
                queued.Add((false, Store.CreateAsync(Key($"new{i}"), Json($"new{i}"), Token)));
                queued.Add((true, Store.CreateAsync(Key("existing"), Json("existing"), Token)));
                queued.Add((true, Store.UpdateAsync(Key("existing"), Json("existing"), 0, Token)));
                queued.Add((true, Store.DeleteAsync(Key($"missing{i}"), null, Token)));
                queued.Add((true, Store.CreateAsync(Key($"bad{i}"), "not json"u8.ToArray(), Token)));
            }

            return queued;
        });

        var revisions = new List<long>();
        foreach (var (shouldFail, task) in tasks)
        {
            if (shouldFail)
            {
                await Assert.ThrowsAnyAsync<Exception>(() => task);
            }
            else
            {
                revisions.Add((await task).Revision);
            }
        }

        Assert.Equal(Enumerable.Range(1, 20).Select(i => start + i), revisions);
        Assert.Equal(start + 20, Store.CurrentRevision);
        var snapshot = await Store.ListAsync(Token);
        Assert.Equal(start + 20, snapshot.Revision);
        Assert.Equal(21, snapshot.Objects.Count);
    }

    [Fact]
    public async Task WriteAsync_SameKeyRepeatedInABatch_EachWriteSeesTheOneBefore()
    {
        var start = Store.CurrentRevision;

        var tasks = await QueueWhileWriterStalledAsync<List<Task<StoredObject>>>(() =>
        [
            Store.CreateAsync(Key("a"), Json("a"), Token),
            Store.UpdateAsync(Key("a"), Json("a"), start + 1, Token),
            Store.DeleteAsync(Key("a"), start + 2, Token),
            Store.UpdateAsync(Key("a"), Json("a"), null, Token),
            Store.CreateAsync(Key("a"), Json("a"), Token),
        ]);

        Assert.Equal([start + 1, start + 2, start + 3], [(await tasks[0]).Revision, (await tasks[1]).Revision, (await tasks[2]).Revision]);
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => tasks[3]);
        Assert.Equal(start + 4, (await tasks[4]).Revision);
        var changes = await Store.WatchAsync(start, Token).Take(4).ToListAsync(Token);
        Assert.Equal([ChangeType.Added, ChangeType.Modified, ChangeType.Deleted, ChangeType.Added], changes.Select(c => c.Type));
        Assert.Equal(start + 4, (await Store.GetAsync(Key("a"), Token))?.Revision);
    }

    [Fact]
    public async Task WriteAsync_DatabaseRefusesOneWriteOfABatch_OnlyThatWriteFails()
    {
        var start = Store.CurrentRevision;

        // PostgreSQL text cannot hold NUL: the database, not the plan, refuses this name.
        var tasks = await QueueWhileWriterStalledAsync<List<Task<StoredObject>>>(() =>
        [
            Store.CreateAsync(Key("before"), Json("before"), Token),
            Store.CreateAsync(Key("nul\0name"), Json("nul"), Token),
            Store.CreateAsync(Key("after"), Json("after"), Token),
        ]);

        Assert.Equal(start + 1, (await tasks[0]).Revision);
        await Assert.ThrowsAsync<PostgresException>(() => tasks[1]);
        Assert.Equal(start + 2, (await tasks[2]).Revision);
        Assert.Equal(start + 2, Store.CurrentRevision);
    }

    [Fact]
    public async Task DisposeAsync_ActiveWatch_EndsTheWatch()
    {
        var other = await SecondServerAsync();
        await using var watch = other.WatchAsync(0, Token).GetAsyncEnumerator(Token);
        var pending = watch.MoveNextAsync();

        await other.DisposeAsync();

        Assert.False(await pending);
    }

    [Fact]
    public async Task Operations_BeforeInitialize_ThrowInvalidOperation()
    {
        await using var store = NewStore(ConnectionString);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.CreateAsync(Key("a"), Json("a"), Token));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.GetAsync(Key("a"), Token));
        Assert.Contains("InitializeAsync", error.Message);
    }

    private async Task<PostgresResourceStore> SecondServerAsync()
    {
        var store = NewStore(ConnectionString);
        _extraStores.Add(store);
        await store.InitializeAsync(Token);
        return store;
    }

    private async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Token);
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync(Token))!;
    }

    internal static PostgresResourceStore NewStore(string connectionString) =>
        new(Options.Create(new PostgresStorageOptions { ConnectionString = connectionString }), NullLogger<PostgresResourceStore>.Instance);

    /// <summary>
    /// Holds the revision counter's lock while <paramref name="queue"/> sends requests, so the writer stalls on its first
    /// batch and the rest queue up into the next ones; returns what <paramref name="queue"/> returned.
    /// </summary>
    private async Task<T> QueueWhileWriterStalledAsync<T>(Func<T> queue)
    {
        await using var blocker = new NpgsqlConnection(ConnectionString);
        await blocker.OpenAsync(Token);
        await using var transaction = await blocker.BeginTransactionAsync(Token);
        await using (var command = new NpgsqlCommand("SELECT revision FROM revision_counter FOR UPDATE;", blocker))
        {
            await command.ExecuteScalarAsync(Token);
        }

        var queued = queue();
        await transaction.CommitAsync(Token);
        return queued;
    }
}
