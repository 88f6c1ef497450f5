using SuperKube.Storage.Tests;

namespace SuperKube.Storage.Sqlite.Tests;

/// <summary>The conformance suite on a database file, where readers use WAL snapshots instead of a shared lock.</summary>
public sealed class SqliteResourceStoreFileTests : ResourceStoreConformanceTests
{
    private readonly TempDirectory _directory = new();

    protected override async Task<IResourceStore> CreateStoreAsync()
    {
        var store = SqliteResourceStoreTests.NewStore(Path.Combine(_directory.Path, "store.db"));
        await store.InitializeAsync(Token);
        return store;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _directory.Dispose();
    }
}
