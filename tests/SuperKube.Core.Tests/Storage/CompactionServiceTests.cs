using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SuperKube.Storage.Sqlite;

namespace SuperKube.Storage.Tests;

public sealed class CompactionServiceTests
{
    [Theory]
    [InlineData(2, 3)]
    [InlineData(5, 0)]
    [InlineData(10, 0)]
    public async Task CompactOnceAsync_RetainedRevisions_CompactsOlderRevisionsOnly(long retained, long expectedCompacted)
    {
        var ct = TestContext.Current.CancellationToken;
        var options = Options.Create(new SqliteStorageOptions { Path = SqliteStorageOptions.InMemory, RetainedRevisions = retained });
        await using var store = new SqliteResourceStore(options, NullLogger<SqliteResourceStore>.Instance);
        await store.InitializeAsync(ct);
        for (var i = 0; i < 5; i++)
        {
            await store.CreateAsync(new ObjectKey("things", "", $"o{i}"), """{"metadata":{}}"""u8.ToArray(), ct);
        }

        var service = new CompactionService(store, options.Value, TimeProvider.System, NullLogger<CompactionService>.Instance);
        await service.CompactOnceAsync(ct);

        Assert.Equal(expectedCompacted, store.CompactedRevision);
    }
}
