using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SuperKube.Storage.Sqlite;

/// <summary>
/// <see cref="IResourceStore"/> on SQLite: objects and change log in one file (WAL), written by a single group-commit
/// writer (<see cref="SqliteWriter"/>), read through pooled connections that each see a consistent snapshot.
/// </summary>
/// <remarks>
/// With <see cref="SqliteStorageOptions.InMemory"/> the database is a uniquely named shared-cache in-memory
/// database, kept alive by the writer's connection until the store is disposed. Shared-cache locking is per table
/// and has no snapshots (a reader holding meta while the writer holds objects deadlocks until timeout), so there every
/// read transaction and every write batch take one lock in turn; file databases use WAL and never need it.
/// </remarks>
internal sealed partial class SqliteResourceStore : IResourceStore, IAsyncDisposable
{
    private const int HistoryPageSize = 500;

    private static readonly Lazy<bool> s_nativeLibrary = new(() =>
    {
        SQLitePCL.Batteries_V2.Init();
        return true;
    });

    private readonly SqliteStorageOptions _options;
    private readonly ILogger<SqliteResourceStore> _logger;
    private readonly ChangeBroadcaster _broadcaster = new();
    private readonly Lock _gate = new();
    private readonly Lock? _exclusiveAccess;
    private Task? _initialization;
    private SqliteWriter? _writer;
    private volatile bool _disposed;

    public SqliteResourceStore(IOptions<SqliteStorageOptions> options, ILogger<SqliteResourceStore> logger)
    {
        _options = options.Value;
        _logger = logger;
        ConnectionString = BuildConnectionString(_options.Path);
        _exclusiveAccess = _options.Path == SqliteStorageOptions.InMemory ? new Lock() : null;
    }

    /// <summary>The connection string of this store's database (unique per store for in-memory databases).</summary>
    internal string ConnectionString { get; }

    public long CurrentRevision => Writer.CurrentRevision;

    public long CompactedRevision => Writer.CompactedRevision;

    private SqliteWriter Writer
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return Volatile.Read(ref _writer) ?? throw new InvalidOperationException(
                "The SQLite resource store is not initialised: call InitializeAsync first " +
                "(AddSqliteStorage registers a hosted service that does so when the host starts).");
        }
    }

    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _initialization ??= Task.Run(Initialize, CancellationToken.None);
            return _initialization.WaitAsync(cancellationToken);
        }
    }

    public Task<StoredObject> CreateAsync(ObjectKey key, ReadOnlyMemory<byte> json, CancellationToken cancellationToken) =>
        Writer.WriteAsync(SqliteWriter.WriteKind.Create, key, json, null, cancellationToken);

    public Task<StoredObject> UpdateAsync(
        ObjectKey key, ReadOnlyMemory<byte> json, long? expectedRevision, CancellationToken cancellationToken) =>
        Writer.WriteAsync(SqliteWriter.WriteKind.Update, key, json, expectedRevision, cancellationToken);

    public Task<StoredObject> DeleteAsync(ObjectKey key, long? expectedRevision, CancellationToken cancellationToken) =>
        Writer.WriteAsync(SqliteWriter.WriteKind.Delete, key, ReadOnlyMemory<byte>.Empty, expectedRevision, cancellationToken);

    public Task<StoredObject?> GetAsync(ObjectKey key, CancellationToken cancellationToken) =>
        ReadAsync((connection, transaction) => SqliteQueries.GetObject(connection, transaction, key), cancellationToken);

    public Task<StoreSnapshot> ListAsync(CancellationToken cancellationToken) =>
        ReadAsync(
            (connection, transaction) => new StoreSnapshot(
                SqliteQueries.GetMeta(connection, transaction, SqliteQueries.CurrentRevisionKey),
                SqliteQueries.ListObjects(connection, transaction)),
            cancellationToken);

    public Task<StoreSnapshot> ListAsync(string resource, string? ns, CancellationToken cancellationToken) =>
        ReadAsync(
            (connection, transaction) => new StoreSnapshot(
                SqliteQueries.GetMeta(connection, transaction, SqliteQueries.CurrentRevisionKey),
                SqliteQueries.ListObjects(connection, transaction, resource, ns)),
            cancellationToken);

    public IAsyncEnumerable<StoredChange> WatchAsync(long afterRevision, CancellationToken cancellationToken)
    {
        var compacted = Writer.CompactedRevision;
        if (afterRevision < compacted)
        {
            throw new RevisionCompactedException(afterRevision, compacted);
        }

        return WatchStream.FollowAsync(
            _broadcaster, (after, upTo, ct) => ReadHistory(after, upTo, ct).ToAsyncEnumerable(), afterRevision, cancellationToken);
    }

    public Task CompactAsync(long revision, CancellationToken cancellationToken) =>
        Writer.CompactAsync(revision, cancellationToken);

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

        if (Volatile.Read(ref _writer) is { } writer)
        {
            await writer.DisposeAsync().ConfigureAwait(false);
        }

        _broadcaster.Complete();
        using var connection = new SqliteConnection(ConnectionString);
        SqliteConnection.ClearPool(connection);
    }

    private void Initialize()
    {
        _ = s_nativeLibrary.Value;
        if (_options.Path != SqliteStorageOptions.InMemory)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(_options.Path));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        var connection = new StatementCachingConnection(ConnectionString);
        try
        {
            connection.Open();
            SqliteQueries.ConfigureWriter(connection);
            SqliteMigrator.Migrate(connection);
            var writer = new SqliteWriter(connection, _broadcaster, _options.MaxBatchSize, _exclusiveAccess, _logger);
            Volatile.Write(ref _writer, writer);
            Log.Opened(_logger, _options.Path, writer.CurrentRevision, writer.CompactedRevision);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Reads the change log in pages; throws if compaction removed entries the reader still needs.</summary>
    private IEnumerable<StoredChange> ReadHistory(long afterRevision, long upToRevision, CancellationToken cancellationToken)
    {
        var after = afterRevision;
        while (after < upToRevision)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var from = after;
            var page = Read((connection, transaction) =>
            {
                var compacted = SqliteQueries.GetMeta(connection, transaction, SqliteQueries.CompactedRevisionKey);
                return from < compacted
                    ? throw new RevisionCompactedException(from, compacted)
                    : SqliteQueries.ReadChanges(connection, transaction, from, upToRevision, HistoryPageSize);
            });

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

    private Task<T> ReadAsync<T>(Func<SqliteConnection, SqliteTransaction, T> read, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        try
        {
            return Task.FromResult(Read(read));
        }
        catch (Exception ex)
        {
            return Task.FromException<T>(ex);
        }
    }

    /// <summary>Runs <paramref name="read"/> in a deferred read transaction: one snapshot for all its statements.</summary>
    private T Read<T>(Func<SqliteConnection, SqliteTransaction, T> read)
    {
        _ = Writer;
        if (_exclusiveAccess is null)
        {
            return ReadSnapshot(read);
        }

        lock (_exclusiveAccess)
        {
            return ReadSnapshot(read);
        }
    }

    private T ReadSnapshot<T>(Func<SqliteConnection, SqliteTransaction, T> read)
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        SqliteQueries.ConfigureReader(connection);
        using var transaction = connection.BeginTransaction(deferred: true);
        var result = read(connection, transaction);
        transaction.Commit();
        return result;
    }

    private static string BuildConnectionString(string path)
    {
        var builder = new SqliteConnectionStringBuilder();
        if (path == SqliteStorageOptions.InMemory)
        {
            builder.DataSource = $"superkube-{Guid.NewGuid():N}";
            builder.Mode = SqliteOpenMode.Memory;
            builder.Cache = SqliteCacheMode.Shared;
        }
        else
        {
            builder.DataSource = path;
            builder.Mode = SqliteOpenMode.ReadWriteCreate;
        }

        return builder.ToString();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2001, Level = LogLevel.Information,
            Message = "Opened SQLite store {Path} at revision {Revision} (compacted through {CompactedRevision})")]
        public static partial void Opened(ILogger logger, string path, long revision, long compactedRevision);
    }
}
