using System.Data;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace SuperKube.Storage.Postgres;

/// <summary>
/// <see cref="IResourceStore"/> on PostgreSQL, shareable by several servers: objects and change log written in one
/// transaction by a group-commit writer (<see cref="PostgresWriter"/>), reads through Npgsql's connection pool, and a
/// change feed (<see cref="PostgresChangeFeed"/>) that gives watchers every server's writes exactly once, in order.
/// </summary>
internal sealed partial class PostgresResourceStore : IResourceStore, IStoreHealth, IAsyncDisposable
{
    private const int HistoryPageSize = 500;

    /// <summary>Change-log rows removed per compaction transaction, so compaction never holds locks for long.</summary>
    internal const int CompactionBatchSize = 1000;

    private readonly PostgresStorageOptions _options;
    private readonly ILogger<PostgresResourceStore> _logger;
    private readonly ChangeBroadcaster _broadcaster = new();
    private readonly Lock _gate = new();
    private Task? _initialization;
    private Opened? _opened;
    private volatile bool _disposed;

    public PostgresResourceStore(IOptions<PostgresStorageOptions> options, ILogger<PostgresResourceStore> logger)
    {
        _options = options.Value;
        _logger = logger;
    }

    public long CurrentRevision => State.Feed.Published;

    public long CompactedRevision => State.Feed.Compacted;

    /// <summary>Not opened yet, or the change log cannot be read (the database is unreachable); null when healthy.</summary>
    public string? Problem => _disposed ? "closed" : Volatile.Read(ref _opened) is { } opened ? opened.Feed.Problem : "not opened yet";

    private Opened State
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return Volatile.Read(ref _opened) ?? throw new InvalidOperationException(
                "The PostgreSQL resource store is not initialised: call InitializeAsync first " +
                "(AddPostgresStorage registers a hosted service that does so when the host starts).");
        }
    }

    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _initialization ??= Task.Run(() => InitializeCoreAsync(CancellationToken.None), CancellationToken.None);
            return _initialization.WaitAsync(cancellationToken);
        }
    }

    public Task<StoredObject> CreateAsync(ObjectKey key, ReadOnlyMemory<byte> json, CancellationToken cancellationToken) =>
        State.Writer.WriteAsync(PostgresWriter.WriteKind.Create, key, json, null, cancellationToken);

    public Task<StoredObject> UpdateAsync(
        ObjectKey key, ReadOnlyMemory<byte> json, long? expectedRevision, CancellationToken cancellationToken) =>
        State.Writer.WriteAsync(PostgresWriter.WriteKind.Update, key, json, expectedRevision, cancellationToken);

    public Task<StoredObject> DeleteAsync(ObjectKey key, long? expectedRevision, CancellationToken cancellationToken) =>
        State.Writer.WriteAsync(PostgresWriter.WriteKind.Delete, key, ReadOnlyMemory<byte>.Empty, expectedRevision, cancellationToken);

    public async Task<StoredObject?> GetAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var connection = await State.DataSources.Pooled.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await PostgresQueries.GetObjectAsync(connection, key, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<StoreSnapshot> ListAsync(CancellationToken cancellationToken) =>
        ReadSnapshotAsync(
            async (connection, ct) => new StoreSnapshot(
                await PostgresQueries.GetCurrentRevisionAsync(connection, ct).ConfigureAwait(false),
                await PostgresQueries.ListObjectsAsync(connection, ct).ConfigureAwait(false)),
            cancellationToken);

    public Task<StoreSnapshot> ListAsync(string resource, string? ns, CancellationToken cancellationToken) =>
        ReadSnapshotAsync(
            async (connection, ct) => new StoreSnapshot(
                await PostgresQueries.GetCurrentRevisionAsync(connection, ct).ConfigureAwait(false),
                await PostgresQueries.ListObjectsAsync(connection, resource, ns, ct).ConfigureAwait(false)),
            cancellationToken);

    public IAsyncEnumerable<StoredChange> WatchAsync(long afterRevision, CancellationToken cancellationToken)
    {
        var compacted = State.Feed.Compacted;
        if (afterRevision < compacted)
        {
            throw new RevisionCompactedException(afterRevision, compacted);
        }

        return WatchStream.FollowAsync(_broadcaster, ReadHistoryAsync, afterRevision, cancellationToken);
    }

    /// <summary>
    /// Compacts through min(revision, current revision) in bounded transactions. Each takes a transaction-scoped
    /// advisory lock first; when another server holds it, that server is compacting and this call returns.
    /// </summary>
    public async Task CompactAsync(long revision, CancellationToken cancellationToken)
    {
        var (_, feed, dataSources) = State;
        var target = Math.Min(revision, feed.Published);
        while (feed.Compacted < target)
        {
            var connection = await dataSources.Pooled.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    if (!await PostgresQueries.TryLockCompactionAsync(connection, cancellationToken).ConfigureAwait(false))
                    {
                        return;
                    }

                    var compacted = await PostgresQueries.GetCompactedRevisionAsync(connection, cancellationToken).ConfigureAwait(false);
                    var next = Math.Min(target, compacted + CompactionBatchSize);
                    if (next > compacted)
                    {
                        // Revisions have no gaps, so this removes at most CompactionBatchSize rows.
                        await PostgresQueries.CompactThroughAsync(connection, next, cancellationToken).ConfigureAwait(false);
                    }

                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    feed.ObserveCompacted(Math.Max(next, compacted));
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task? initialization;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            initialization = _initialization;
        }

        if (initialization is not null)
        {
            await initialization.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        if (Volatile.Read(ref _opened) is { } opened)
        {
            await opened.Writer.DisposeAsync().ConfigureAwait(false);
            await opened.Feed.DisposeAsync().ConfigureAwait(false);
            await opened.DataSources.DisposeAsync().ConfigureAwait(false);
        }

        _broadcaster.Complete();
    }

    private async Task InitializeCoreAsync(CancellationToken cancellationToken)
    {
        var dataSources = PostgresDataSources.Create(_options.ConnectionString);
        try
        {
            await PostgresMigrator.MigrateAsync(dataSources.Pooled, cancellationToken).ConfigureAwait(false);
            long current;
            long compacted;
            var connection = await dataSources.Pooled.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                current = await PostgresQueries.GetCurrentRevisionAsync(connection, cancellationToken).ConfigureAwait(false);
                compacted = await PostgresQueries.GetCompactedRevisionAsync(connection, cancellationToken).ConfigureAwait(false);
            }

            var feed = new PostgresChangeFeed(dataSources, _broadcaster, current, compacted, _options.PollInterval, _logger);
            var writer = new PostgresWriter(dataSources.Pooled, feed, _options.MaxBatchSize, _logger);
            Volatile.Write(ref _opened, new Opened(writer, feed, dataSources));
            var target = PostgresUrl.Describe(_options.ConnectionString);
            Log.Opened(_logger, target, current, compacted);
        }
        catch
        {
            await dataSources.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Reads the change log in pages; throws if compaction removed entries the reader still needs.</summary>
    private async IAsyncEnumerable<StoredChange> ReadHistoryAsync(
        long afterRevision, long upToRevision, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = afterRevision;
        while (after < upToRevision)
        {
            var from = after;
            var page = await WithRetriesAsync(ct => ReadSnapshotAsync(
                async (connection, ct) =>
                {
                    var (compacted, changes) = await PostgresQueries.ReadChangesAsync(connection, from, upToRevision, HistoryPageSize, ct).ConfigureAwait(false);
                    return from < compacted ? throw new RevisionCompactedException(from, compacted) : changes;
                },
                ct), cancellationToken).ConfigureAwait(false);

            foreach (var change in page)
            {
                yield return change;
                after = change.Revision;
            }

            if (page.Count < HistoryPageSize)
            {
                yield break;
            }
        }
    }

    /// <summary>
    /// Retries <paramref name="read"/> while the database is unreachable (0.1 s doubling to 5 s), so a watch waits out a
    /// dropped connection or a database restart instead of ending; it resumes from its last revision.
    /// </summary>
    private async Task<T> WithRetriesAsync<T>(Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                return await read(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is NpgsqlException { IsTransient: true } or IOException or TimeoutException)
            {
                Log.ReadRetrying(_logger, delay.TotalMilliseconds, ex.Message);
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }
    }

    /// <summary>Runs <paramref name="read"/> in a read-only repeatable-read transaction: one snapshot for all its statements.</summary>
    private async Task<T> ReadSnapshotAsync<T>(Func<NpgsqlConnection, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        var connection = await State.DataSources.Pooled.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var result = await read(connection, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return result;
            }
        }
    }

    private sealed record Opened(PostgresWriter Writer, PostgresChangeFeed Feed, PostgresDataSources DataSources);

    private static partial class Log
    {
        [LoggerMessage(EventId = 2101, Level = LogLevel.Information,
            Message = "Opened PostgreSQL store {Target} at revision {Revision} (compacted through {CompactedRevision})")]
        public static partial void Opened(ILogger logger, string target, long revision, long compactedRevision);

        [LoggerMessage(EventId = 2107, Level = LogLevel.Warning,
            Message = "Reading the PostgreSQL change log for a watch failed; retrying in {DelayMs} ms: {Message}")]
        public static partial void ReadRetrying(ILogger logger, double delayMs, string message);
    }
}
