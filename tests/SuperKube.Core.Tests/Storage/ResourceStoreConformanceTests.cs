using System.Text;
using System.Text.Json.Nodes;

namespace SuperKube.Storage.Tests;

/// <summary>
/// The behaviour every <see cref="IResourceStore"/> backend must show. A backend's test class inherits this and
/// supplies a fresh, initialised store per test.
/// </summary>
public abstract class ResourceStoreConformanceTests : IAsyncLifetime
{
    private readonly CancellationTokenSource _timeout =
        CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

    private IResourceStore? _store;

    /// <summary>The store under test, fresh for each test.</summary>
    protected IResourceStore Store => _store ?? throw new InvalidOperationException("The store is created in InitializeAsync.");

    /// <summary>Cancelled when the test runs longer than 30 seconds.</summary>
    protected CancellationToken Token => _timeout.Token;

    /// <summary>Creates and initialises an empty store.</summary>
    protected abstract Task<IResourceStore> CreateStoreAsync();

    public virtual async ValueTask InitializeAsync()
    {
        _timeout.CancelAfter(TimeSpan.FromSeconds(30));
        _store = await CreateStoreAsync();
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_store is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }

        _timeout.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public virtual async Task CreateAsync_NewObject_StoresResourceVersionEqualToRevision()
    {
        var key = Key("a");

        var created = await Store.CreateAsync(key, Json("a"), Token);
        var read = await Store.GetAsync(key, Token);

        Assert.NotNull(read);
        Assert.Equal(created.Revision, read.Revision);
        Assert.Equal(created.Revision, Store.CurrentRevision);
        Assert.Equal(created.Revision.ToString(), ResourceVersion(created));
        Assert.Equal(created.Revision.ToString(), ResourceVersion(read));
    }

    [Fact]
    public virtual async Task GetAsync_MissingObject_ReturnsNull()
    {
        var read = await Store.GetAsync(Key("missing"), Token);

        Assert.Null(read);
    }

    [Fact]
    public virtual async Task WriteAsync_Sequence_RevisionsStrictlyIncrease()
    {
        var start = Store.CurrentRevision;

        var a = await Store.CreateAsync(Key("a"), Json("a"), Token);
        var b = await Store.CreateAsync(Key("b"), Json("b"), Token);
        var a2 = await Store.UpdateAsync(Key("a"), Json("a"), null, Token);
        var b2 = await Store.DeleteAsync(Key("b"), null, Token);

        Assert.Equal([start + 1, start + 2, start + 3, start + 4], new[] { a.Revision, b.Revision, a2.Revision, b2.Revision });
        Assert.Equal(start + 4, Store.CurrentRevision);
    }

    [Fact]
    public virtual async Task CreateAsync_ExistingKey_ThrowsAlreadyExistsAndWritesNothing()
    {
        var original = await Store.CreateAsync(Key("a"), Json("a", "\"first\""), Token);

        var error = await Assert.ThrowsAsync<ResourceAlreadyExistsException>(
            () => Store.CreateAsync(Key("a"), Json("a", "\"second\""), Token));

        Assert.Equal(Key("a"), error.Key);
        Assert.Equal(original.Revision, Store.CurrentRevision);
        AssertSameJson(original, await Store.GetAsync(Key("a"), Token));
    }

    [Fact]
    public virtual async Task UpdateAsync_StaleExpectedRevision_ThrowsConflictAndKeepsObject()
    {
        var first = await Store.CreateAsync(Key("a"), Json("a", "1"), Token);
        var second = await Store.UpdateAsync(Key("a"), Json("a", "2"), first.Revision, Token);

        await Assert.ThrowsAsync<ResourceConflictException>(
            () => Store.UpdateAsync(Key("a"), Json("a", "3"), first.Revision, Token));

        Assert.Equal(second.Revision, Store.CurrentRevision);
        AssertSameJson(second, await Store.GetAsync(Key("a"), Token));
    }

    [Fact]
    public virtual async Task UpdateAsync_MatchingExpectedRevision_ReplacesObject()
    {
        var first = await Store.CreateAsync(Key("a"), Json("a", "1"), Token);

        var second = await Store.UpdateAsync(Key("a"), Json("a", "2"), first.Revision, Token);

        Assert.Equal(first.Revision + 1, second.Revision);
        Assert.Equal(2, Node(second)["spec"]!.GetValue<int>());
        AssertSameJson(second, await Store.GetAsync(Key("a"), Token));
    }

    [Fact]
    public virtual async Task UpdateAsync_WithoutExpectedRevision_ReplacesObject()
    {
        await Store.CreateAsync(Key("a"), Json("a", "1"), Token);
        await Store.UpdateAsync(Key("a"), Json("a", "2"), null, Token);

        var third = await Store.UpdateAsync(Key("a"), Json("a", "3"), null, Token);

        Assert.Equal(3, Node(third)["spec"]!.GetValue<int>());
        AssertSameJson(third, await Store.GetAsync(Key("a"), Token));
    }

    [Fact]
    public virtual async Task UpdateAsync_MissingObject_ThrowsNotFound()
    {
        var start = Store.CurrentRevision;

        await Assert.ThrowsAsync<ResourceNotFoundException>(() => Store.UpdateAsync(Key("missing"), Json("missing"), null, Token));

        Assert.Equal(start, Store.CurrentRevision);
        Assert.Null(await Store.GetAsync(Key("missing"), Token));
    }

    [Fact]
    public virtual async Task DeleteAsync_MissingObject_ThrowsNotFound()
    {
        var start = Store.CurrentRevision;

        await Assert.ThrowsAsync<ResourceNotFoundException>(() => Store.DeleteAsync(Key("missing"), null, Token));

        Assert.Equal(start, Store.CurrentRevision);
    }

    [Fact]
    public virtual async Task DeleteAsync_StaleExpectedRevision_ThrowsConflictAndKeepsObject()
    {
        var first = await Store.CreateAsync(Key("a"), Json("a"), Token);
        var second = await Store.UpdateAsync(Key("a"), Json("a", "2"), null, Token);

        await Assert.ThrowsAsync<ResourceConflictException>(() => Store.DeleteAsync(Key("a"), first.Revision, Token));

        AssertSameJson(second, await Store.GetAsync(Key("a"), Token));
    }

    [Fact]
    public virtual async Task DeleteAsync_ExistingObject_ReturnsLastStateWithDeletionRevision()
    {
        var created = await Store.CreateAsync(Key("a"), Json("a", "\"last\""), Token);

        var deleted = await Store.DeleteAsync(Key("a"), created.Revision, Token);

        Assert.Equal(created.Revision + 1, deleted.Revision);
        Assert.Equal(deleted.Revision.ToString(), ResourceVersion(deleted));
        Assert.Equal("last", Node(deleted)["spec"]!.GetValue<string>());
        Assert.Null(await Store.GetAsync(Key("a"), Token));
    }

    [Fact]
    public virtual async Task ListAsync_AfterWrites_ReturnsCurrentObjectsAtCurrentRevision()
    {
        await Store.CreateAsync(Key("a"), Json("a"), Token);
        await Store.CreateAsync(Key("b"), Json("b"), Token);
        await Store.CreateAsync(Key("c", "other"), Json("c"), Token);
        var updated = await Store.UpdateAsync(Key("a"), Json("a", "2"), null, Token);
        await Store.DeleteAsync(Key("b"), null, Token);

        var snapshot = await Store.ListAsync(Token);

        Assert.Equal(Store.CurrentRevision, snapshot.Revision);
        Assert.Equal([Key("a"), Key("c", "other")], snapshot.Objects.Select(o => o.Key).OrderBy(k => k.ToString(), StringComparer.Ordinal).ToArray());
        var a = snapshot.Objects.Single(o => o.Key == Key("a"));
        Assert.Equal(updated.Revision, a.Revision);
        AssertSameJson(updated, a);
        Assert.All(snapshot.Objects, o => Assert.Equal(o.Revision.ToString(), ResourceVersion(o)));
    }

    [Fact]
    public virtual async Task ListAsync_OneResource_ReturnsOnlyItsObjectsSortedByNamespaceAndName()
    {
        await Store.CreateAsync(Key("b", "ns2"), Json("b"), Token);
        await Store.CreateAsync(Key("B", "ns1"), Json("B"), Token);
        await Store.CreateAsync(Key("a", "ns1"), Json("a"), Token);
        await Store.CreateAsync(new ObjectKey("/other", "ns1", "x"), Json("x"), Token);
        await Store.DeleteAsync(Key("a", "ns1"), null, Token);
        var resource = Key("any").Resource;

        var all = await Store.ListAsync(resource, null, Token);
        var ns1 = await Store.ListAsync(resource, "ns1", Token);
        var none = await Store.ListAsync(resource, "missing", Token);

        Assert.Equal(Store.CurrentRevision, all.Revision);
        Assert.Equal([Key("B", "ns1"), Key("b", "ns2")], all.Objects.Select(o => o.Key).ToArray()); // byte order: "B" < "b"
        Assert.Equal([Key("B", "ns1")], ns1.Objects.Select(o => o.Key).ToArray());
        Assert.Empty(none.Objects);
        AssertSameJson(ns1.Objects[0], await Store.GetAsync(Key("B", "ns1"), Token));
    }

    [Fact]
    public virtual async Task ListAsync_DuringConcurrentWrites_IsConsistentWithItsRevision()
    {
        var start = Store.CurrentRevision;
        var writes = Task.WhenAll(Enumerable.Range(0, 200).Select(i => Store.CreateAsync(Key($"o{i}"), Json($"o{i}"), Token)));

        var snapshots = new List<StoreSnapshot>();
        while (!writes.IsCompleted)
        {
            snapshots.Add(await Store.ListAsync(Token));
        }

        await writes;
        snapshots.Add(await Store.ListAsync(Token));
        Assert.All(snapshots, snapshot =>
        {
            // Every create is one revision, so a consistent snapshot at revision R holds exactly R - start objects,
            // all with revisions up to R.
            Assert.Equal(snapshot.Revision - start, snapshot.Objects.Count);
            Assert.All(snapshot.Objects, o => Assert.True(o.Revision <= snapshot.Revision));
        });
        Assert.Equal(200, snapshots[^1].Objects.Count);
    }

    [Fact]
    public virtual async Task WatchAsync_FromCurrentRevision_DeliversLaterChangesInOrder()
    {
        var start = Store.CurrentRevision;
        await using var watch = Store.WatchAsync(start, Token).GetAsyncEnumerator(Token);
        var pending = watch.MoveNextAsync();

        var created = await Store.CreateAsync(Key("a"), Json("a"), Token);
        var updated = await Store.UpdateAsync(Key("a"), Json("a", "2"), null, Token);
        var deleted = await Store.DeleteAsync(Key("a"), null, Token);

        Assert.True(await pending);
        var events = new List<StoredChange> { watch.Current };
        events.AddRange(await TakeAsync(watch, 2));
        Assert.Equal([created.Revision, updated.Revision, deleted.Revision], events.Select(e => e.Revision).ToArray());
        Assert.Equal([ChangeType.Added, ChangeType.Modified, ChangeType.Deleted], events.Select(e => e.Type).ToArray());
        Assert.All(events, e => Assert.Equal(Key("a"), e.Object.Key));
        AssertSameJson(deleted, events[2].Object);
    }

    [Fact]
    public virtual async Task WatchAsync_StartedAfterAwaitedWrite_SeesThatWrite()
    {
        var start = Store.CurrentRevision;
        var created = await Store.CreateAsync(Key("a"), Json("a"), Token);

        await using var watch = Store.WatchAsync(start, Token).GetAsyncEnumerator(Token);
        var events = await TakeAsync(watch, 1);

        Assert.Equal(created.Revision, events[0].Revision);
        AssertSameJson(created, events[0].Object);
    }

    [Fact]
    public virtual async Task WatchAsync_FromPastRevision_ReplaysHistoryThenFollowsLiveChanges()
    {
        var start = Store.CurrentRevision;
        for (var i = 0; i < 3; i++)
        {
            await Store.CreateAsync(Key($"o{i}"), Json($"o{i}"), Token);
        }

        await using var watch = Store.WatchAsync(start, Token).GetAsyncEnumerator(Token);
        var history = await TakeAsync(watch, 3);
        var live = await Store.UpdateAsync(Key("o1"), Json("o1", "2"), null, Token);
        var next = await TakeAsync(watch, 1);

        Assert.Equal([start + 1, start + 2, start + 3], history.Select(e => e.Revision).ToArray());
        Assert.All(history, e => Assert.Equal(ChangeType.Added, e.Type));
        Assert.Equal(live.Revision, next[0].Revision);
        Assert.Equal(ChangeType.Modified, next[0].Type);
    }

    [Fact]
    public virtual async Task WatchAsync_ConcurrentWriters_DeliversEveryRevisionExactlyOnceInOrder()
    {
        const int Writers = 8;
        const int WritesPerWriter = 250;
        const int Total = Writers * WritesPerWriter;
        var start = Store.CurrentRevision;
        var watcher = Task.Run(async () =>
        {
            await using var watch = Store.WatchAsync(start, Token).GetAsyncEnumerator(Token);
            return await TakeAsync(watch, Total);
        });

        var results = await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var written = new List<(long Revision, ChangeType Type, ObjectKey Key)>();
            for (var i = 0; i < WritesPerWriter; i++)
            {
                var key = Key($"w{w}-{i / 3}");
                var (result, type) = (i % 3) switch
                {
                    0 => (await Store.CreateAsync(key, Json(key.Name), Token), ChangeType.Added),
                    1 => (await Store.UpdateAsync(key, Json(key.Name, "2"), null, Token), ChangeType.Modified),
                    _ => (await Store.DeleteAsync(key, null, Token), ChangeType.Deleted),
                };
                written.Add((result.Revision, type, key));
            }

            return written;
        })));
        var events = await watcher;

        var expected = results.SelectMany(r => r).OrderBy(r => r.Revision).ToList();
        Assert.Equal(Total, events.Count);
        Assert.Equal(Enumerable.Range(1, Total).Select(i => start + i), events.Select(e => e.Revision));
        Assert.Equal(expected.Select(e => e.Revision), events.Select(e => e.Revision));
        Assert.Equal(expected.Select(e => e.Type), events.Select(e => e.Type));
        Assert.Equal(expected.Select(e => e.Key), events.Select(e => e.Object.Key));
        Assert.Equal(start + Total, Store.CurrentRevision);
    }

    [Fact]
    public virtual async Task WatchAsync_FromCompactedRevision_ThrowsRevisionCompacted()
    {
        var start = Store.CurrentRevision;
        for (var i = 0; i < 5; i++)
        {
            await Store.CreateAsync(Key($"o{i}"), Json($"o{i}"), Token);
        }

        await Store.CompactAsync(start + 3, Token);

        Assert.Equal(start + 3, Store.CompactedRevision);
        var error = await Assert.ThrowsAsync<RevisionCompactedException>(async () =>
        {
            await foreach (var change in Store.WatchAsync(start + 1, Token))
            {
                Assert.Fail($"Unexpected change {change.Revision}");
            }
        });
        Assert.Equal(start + 1, error.Requested);
        Assert.Equal(start + 3, error.Compacted);
    }

    [Fact]
    public virtual async Task WatchAsync_FromCompactionPoint_DeliversRemainingChanges()
    {
        var start = Store.CurrentRevision;
        for (var i = 0; i < 5; i++)
        {
            await Store.CreateAsync(Key($"o{i}"), Json($"o{i}"), Token);
        }

        await Store.CompactAsync(start + 3, Token);
        await using var watch = Store.WatchAsync(start + 3, Token).GetAsyncEnumerator(Token);
        var events = await TakeAsync(watch, 2);

        Assert.Equal([start + 4, start + 5], events.Select(e => e.Revision).ToArray());
    }

    [Fact]
    public virtual async Task CompactAsync_BeyondCurrentRevision_CompactsThroughCurrentRevision()
    {
        await Store.CreateAsync(Key("a"), Json("a"), Token);
        await Store.CreateAsync(Key("b"), Json("b"), Token);

        await Store.CompactAsync(Store.CurrentRevision + 100, Token);
        var created = await Store.CreateAsync(Key("c"), Json("c"), Token);

        Assert.Equal(created.Revision - 1, Store.CompactedRevision);
        Assert.NotNull(await Store.GetAsync(Key("a"), Token));
        await using var watch = Store.WatchAsync(Store.CompactedRevision, Token).GetAsyncEnumerator(Token);
        Assert.Equal(created.Revision, (await TakeAsync(watch, 1))[0].Revision);
    }

    [Fact]
    public virtual async Task CreateAsync_UnknownFields_KeepsBytesExceptResourceVersion()
    {
        const string Original =
            """{ "apiVersion" : "v1", "kind":"Thing", "metadata": {"name":"a","resourceVersion":"999","x-extra":{"n":1.50e3,"s":"\u00e9<>"}}, "spec": {"nested": {"resourceVersion": "keep"}, "list": [1, 2.0, null, true]} }""";

        var created = await Store.CreateAsync(Key("a"), Encoding.UTF8.GetBytes(Original), Token);
        var read = await Store.GetAsync(Key("a"), Token);

        var expected = Original.Replace("\"resourceVersion\":\"999\"", $"\"resourceVersion\":\"{created.Revision}\"");
        Assert.Equal(expected, Encoding.UTF8.GetString(created.Json.Span));
        Assert.NotNull(read);
        Assert.Equal(expected, Encoding.UTF8.GetString(read.Json.Span));
    }

    protected static ObjectKey Key(string name, string @namespace = "default") => new("things", @namespace, name);

    /// <summary>A small object; <paramref name="spec"/> is raw JSON for its spec field.</summary>
    protected static byte[] Json(string name, string spec = "{}") =>
        Encoding.UTF8.GetBytes($$"""{"apiVersion":"v1","kind":"Thing","metadata":{"name":"{{name}}","resourceVersion":"0"},"spec":{{spec}}}""");

    protected static JsonObject Node(StoredObject stored) => JsonNode.Parse(stored.Json.Span)!.AsObject();

    protected static string? ResourceVersion(StoredObject stored) => Node(stored)["metadata"]?["resourceVersion"]?.GetValue<string>();

    protected static void AssertSameJson(StoredObject expected, StoredObject? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Key, actual.Key);
        Assert.Equal(expected.Revision, actual.Revision);
        Assert.Equal(expected.Json.ToArray(), actual.Json.ToArray());
    }

    /// <summary>Reads the next <paramref name="count"/> changes, failing if the watch ends first.</summary>
    protected static async Task<List<StoredChange>> TakeAsync(IAsyncEnumerator<StoredChange> watch, int count)
    {
        var changes = new List<StoredChange>(count);
        while (changes.Count < count)
        {
            Assert.True(await watch.MoveNextAsync(), $"The watch ended after {changes.Count} of {count} changes.");
            changes.Add(watch.Current);
        }

        return changes;
    }
}
