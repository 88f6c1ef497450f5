using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SuperKube.Storage.Tests;

namespace SuperKube.Storage.Sqlite.Tests;

public sealed class SqliteResourceStoreTests : ResourceStoreConformanceTests
{
    protected override async Task<IResourceStore> CreateStoreAsync()
    {
        var store = NewStore(SqliteStorageOptions.InMemory);
        await store.InitializeAsync(Token);
        return store;
    }

    [Fact]
    public async Task InitializeAsync_ReopenedFile_KeepsObjectsAndRevisions()
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "nested", "store.db");
        long current;
        StoreSnapshot before;
        await using (var first = NewStore(path))
        {
            await first.InitializeAsync(Token);
            await first.CreateAsync(Key("a"), Json("a"), Token);
            await first.CreateAsync(Key("b"), Json("b"), Token);
            await first.UpdateAsync(Key("a"), Json("a", "2"), null, Token);
            await first.DeleteAsync(Key("b"), null, Token);
            await first.CompactAsync(2, Token);
            current = first.CurrentRevision;
            before = await first.ListAsync(Token);
        }

        await using var second = NewStore(path);
        await second.InitializeAsync(Token);
        var after = await second.ListAsync(Token);
        var next = await second.CreateAsync(Key("c"), Json("c"), Token);

        Assert.Equal(4, current);
        Assert.Equal(current, second.CurrentRevision - 1);
        Assert.Equal(2, second.CompactedRevision);
        Assert.Equal(before.Revision, after.Revision);
        Assert.Equal(before.Objects.Select(o => (o.Key, o.Revision)), after.Objects.Select(o => (o.Key, o.Revision)));
        AssertSameJson(before.Objects[0], after.Objects[0]);
        Assert.Equal(current + 1, next.Revision);
        await Assert.ThrowsAsync<RevisionCompactedException>(() => second.WatchAsync(1, Token).GetAsyncEnumerator(Token).MoveNextAsync().AsTask());
    }

    [Fact]
    public async Task WriteAsync_FailingOpsInBatch_DoNotAffectTheOthers()
    {
        var store = (SqliteResourceStore)Store;
        await store.CreateAsync(Key("existing"), Json("existing"), Token);
        var start = store.CurrentRevision;

        // Hold the database's write lock so the writer stalls and the requests below queue up into one batch.
        var tasks = new List<(bool ShouldFail, Task<StoredObject> Task)>();
        await using (var blocker = new SqliteConnection(store.ConnectionString))
        {
            await blocker.OpenAsync(Token);
            await using var transaction = blocker.BeginTransaction();
            for (var i = 0; i < 20; i++)
            {
                tasks.Add((false, store.CreateAsync(Key($"new{i}"), Json($"new{i}"), Token)));
                tasks.Add((true, store.CreateAsync(Key("existing"), Json("existing"), Token)));
                tasks.Add((true, store.UpdateAsync(Key("existing"), Json("existing"), 0, Token)));
                tasks.Add((true, store.DeleteAsync(Key($"missing{i}"), null, Token)));
            }

            transaction.Commit();
        }

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
        Assert.Equal(start + 20, store.CurrentRevision);
        var snapshot = await store.ListAsync(Token);
        Assert.Equal(21, snapshot.Objects.Count);
        Assert.Equal(start, snapshot.Objects.Single(o => o.Key == Key("existing")).Revision);
    }

    [Fact]
    public async Task WriteAsync_BatchFailsToCommit_FailsTheWriteAndKeepsRevisionCounter()
    {
        var store = (SqliteResourceStore)Store;
        var first = await store.CreateAsync(Key("a"), Json("a"), Token);
        await ExecuteAsync(store, "ALTER TABLE meta RENAME TO meta_moved;");

        await Assert.ThrowsAsync<SqliteException>(() => store.CreateAsync(Key("b"), Json("b"), Token));
        await ExecuteAsync(store, "ALTER TABLE meta_moved RENAME TO meta;");
        var next = await store.CreateAsync(Key("c"), Json("c"), Token);

        Assert.Null(await store.GetAsync(Key("b"), Token));
        Assert.Equal(first.Revision + 1, next.Revision);
        Assert.Equal(next.Revision, (await store.ListAsync(Token)).Revision);
    }

    [Fact]
    public async Task CompactAsync_ManyRevisions_CompactsInSeveralBatches()
    {
        var count = SqliteWriter.CompactionBatchSize * 2 + 500;
        await Task.WhenAll(Enumerable.Range(0, count).Select(i => Store.CreateAsync(Key($"o{i}"), Json($"o{i}"), Token)));
        var target = Store.CurrentRevision - 10;

        await Store.CompactAsync(target, Token);
        await using var watch = Store.WatchAsync(target, Token).GetAsyncEnumerator(Token);
        var rest = await TakeAsync(watch, 10);

        Assert.Equal(target, Store.CompactedRevision);
        Assert.Equal(target + 1, rest[0].Revision);
        Assert.Equal(count, (await Store.ListAsync(Token)).Objects.Count);
    }

    [Fact]
    public async Task Operations_BeforeInitialize_ThrowInvalidOperation()
    {
        await using var store = NewStore(SqliteStorageOptions.InMemory);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.CreateAsync(Key("a"), Json("a"), Token));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.GetAsync(Key("a"), Token));
        Assert.Throws<InvalidOperationException>(() => store.CurrentRevision);
        Assert.Contains("InitializeAsync", error.Message);
    }

    [Fact]
    public async Task InitializeAsync_NewDatabase_RecordsEveryMigration()
    {
        var store = (SqliteResourceStore)Store;
        await using var connection = new SqliteConnection(store.ConnectionString);
        await connection.OpenAsync(Token);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM schema_migrations;";

        var applied = (long)(await command.ExecuteScalarAsync(Token))!;

        Assert.Equal(SqliteMigrator.GetMigrations().Count, applied);
        Assert.Contains(SqliteMigrator.GetMigrations(), m => m.Version == 1 && m.Name == "0001_init");
    }

    [Fact]
    public async Task DisposeAsync_ActiveWatch_EndsTheWatch()
    {
        var store = NewStore(SqliteStorageOptions.InMemory);
        await store.InitializeAsync(Token);
        await using var watch = store.WatchAsync(0, Token).GetAsyncEnumerator(Token);
        var pending = watch.MoveNextAsync();

        await store.DisposeAsync();

        Assert.False(await pending);
    }

    private async Task ExecuteAsync(SqliteResourceStore store, string sql)
    {
        await using var connection = new SqliteConnection(store.ConnectionString);
        await connection.OpenAsync(Token);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Token);
    }

    internal static SqliteResourceStore NewStore(string path) =>
        new(Options.Create(new SqliteStorageOptions { Path = path }), NullLogger<SqliteResourceStore>.Instance);
}
