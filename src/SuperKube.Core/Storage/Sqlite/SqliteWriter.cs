using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace SuperKube.Storage.Sqlite;

/// <summary>
/// The single writer of a SQLite store (group commit). Write requests queue in a channel; one loop drains up to the
/// batch size, applies them in one transaction (each op inside a savepoint, so a failed precondition leaves nothing
/// behind and does not disturb its neighbours), numbers successful ops with consecutive revisions, commits, publishes
/// the changes to live watchers in order, and only then completes the callers' tasks.
/// </summary>
/// <remarks>
/// Cancellation is honoured until the loop picks a request up; after that it runs to completion, so a caller never
/// mistakes a committed write for a cancelled one.
/// </remarks>
internal sealed partial class SqliteWriter : IAsyncDisposable
{
    /// <summary>Change-log rows removed per compaction transaction, so compaction never stalls writes for long.</summary>
    internal const int CompactionBatchSize = 1000;

    private readonly SqliteConnection _connection;
    private readonly ChangeBroadcaster _broadcaster;
    private readonly int _maxBatchSize;
    private readonly ILogger _logger;
    private readonly Lock? _exclusiveAccess;
    private readonly Channel<Request> _requests = Channel.CreateUnbounded<Request>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;
    private long _currentRevision;
    private long _compactedRevision;

    /// <summary>
    /// Takes ownership of an open, migrated connection and starts the write loop. When
    /// <paramref name="exclusiveAccess"/> is set, each batch holds it (readers do too); see <see cref="SqliteResourceStore"/>.
    /// </summary>
    public SqliteWriter(SqliteConnection connection, ChangeBroadcaster broadcaster, int maxBatchSize, Lock? exclusiveAccess, ILogger logger)
    {
        _connection = connection;
        _exclusiveAccess = exclusiveAccess;
        _broadcaster = broadcaster;
        _maxBatchSize = maxBatchSize;
        _logger = logger;
        _currentRevision = SqliteQueries.GetMeta(connection, null, SqliteQueries.CurrentRevisionKey);
        _compactedRevision = SqliteQueries.GetMeta(connection, null, SqliteQueries.CompactedRevisionKey);
        _loop = Task.Run(RunAsync);
    }

    public long CurrentRevision => Interlocked.Read(ref _currentRevision);

    public long CompactedRevision => Interlocked.Read(ref _compactedRevision);

    public Task<StoredObject> WriteAsync(
        WriteKind kind, ObjectKey key, ReadOnlyMemory<byte> json, long? expectedRevision, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<StoredObject>(cancellationToken);
        }

        var request = new ObjectWrite(kind, key, json, expectedRevision, cancellationToken);
        Enqueue(request);
        return request.Completion.Task;
    }

    /// <summary>Compacts through min(revision, current revision), one bounded transaction at a time.</summary>
    public async Task CompactAsync(long revision, CancellationToken cancellationToken)
    {
        var target = Math.Min(revision, CurrentRevision);
        while (CompactedRevision < target)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var step = new CompactionStep(target);
            Enqueue(step);
            await step.Completion.Task.ConfigureAwait(false);
        }
    }

    /// <summary>Stops accepting requests, finishes the queued ones and closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        _requests.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private void Enqueue(Request request)
    {
        if (!_requests.Writer.TryWrite(request))
        {
            request.Fail(new ObjectDisposedException(nameof(SqliteResourceStore)));
        }
    }

    private async Task RunAsync()
    {
        var batch = new List<Request>(_maxBatchSize);
        while (await _requests.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < _maxBatchSize && _requests.Reader.TryRead(out var request))
            {
                batch.Add(request);
            }

            if (_exclusiveAccess is null)
            {
                CommitBatch(batch);
            }
            else
            {
                lock (_exclusiveAccess)
                {
                    CommitBatch(batch);
                }
            }

            batch.Clear();
        }
    }

    private void CommitBatch(List<Request> batch)
    {
        var revision = CurrentRevision;
        var compacted = CompactedRevision;
        var changes = new List<StoredChange>(batch.Count);
        var succeeded = new List<(ObjectWrite Write, StoredObject Result)>(batch.Count);
        try
        {
            using var transaction = _connection.BeginTransaction();
            foreach (var request in batch)
            {
                switch (request)
                {
                    case ObjectWrite write when TryApply(transaction, write, revision + 1) is { } change:
                        revision = change.Revision;
                        changes.Add(change);
                        succeeded.Add((write, change.Object));
                        break;
                    case CompactionStep step:
                        compacted = Compact(transaction, Math.Min(step.Target, revision), compacted);
                        break;
                }
            }

            if (revision != CurrentRevision)
            {
                SqliteQueries.SetMeta(_connection, transaction, SqliteQueries.CurrentRevisionKey, revision);
            }

            if (compacted != CompactedRevision)
            {
                SqliteQueries.SetMeta(_connection, transaction, SqliteQueries.CompactedRevisionKey, compacted);
            }

            transaction.Commit();
        }
        catch (Exception ex)
        {
            // Nothing of this batch was committed and the counters were not advanced: fail every request.
            Log.BatchFailed(_logger, batch.Count, ex);
            foreach (var request in batch)
            {
                request.Fail(ex);
            }

            return;
        }

        Interlocked.Exchange(ref _currentRevision, revision);
        Interlocked.Exchange(ref _compactedRevision, compacted);
        _broadcaster.Publish(changes);
        foreach (var (write, result) in succeeded)
        {
            write.Completion.TrySetResult(result);
        }

        foreach (var request in batch)
        {
            (request as CompactionStep)?.Completion.TrySetResult();
        }
    }

    /// <summary>Applies one write inside a savepoint; on failure rolls it back, fails the request and returns null.</summary>
    private StoredChange? TryApply(SqliteTransaction transaction, ObjectWrite write, long revision)
    {
        if (write.CancellationToken.IsCancellationRequested)
        {
            write.Completion.TrySetCanceled(write.CancellationToken);
            return null;
        }

        SqliteQueries.Savepoint(_connection, transaction);
        StoredChange change;
        try
        {
            change = Apply(transaction, write, revision);
        }
        catch (Exception ex)
        {
            // Rolling back can only fail if the transaction itself is gone; that then fails the whole batch.
            SqliteQueries.RollbackToSavepoint(_connection, transaction);
            write.Completion.TrySetException(ex);
            return null;
        }

        SqliteQueries.ReleaseSavepoint(_connection, transaction);
        return change;
    }

    private StoredChange Apply(SqliteTransaction transaction, ObjectWrite write, long revision)
    {
        var key = write.Key;
        switch (write.Kind)
        {
            case WriteKind.Create:
            {
                var value = ResourceVersionStamp.Stamp(write.Json.Span, revision);
                if (!SqliteQueries.InsertObject(_connection, transaction, key, revision, value))
                {
                    throw new ResourceAlreadyExistsException(key);
                }

                return Record(transaction, revision, ChangeType.Added, key, value);
            }

            case WriteKind.Update:
            {
                var stored = SqliteQueries.GetRevision(_connection, transaction, key) ?? throw new ResourceNotFoundException(key);
                CheckPrecondition(key, write.ExpectedRevision, stored);
                var value = ResourceVersionStamp.Stamp(write.Json.Span, revision);
                SqliteQueries.UpdateObject(_connection, transaction, key, revision, value);
                return Record(transaction, revision, ChangeType.Modified, key, value);
            }

            default:
            {
                var stored = SqliteQueries.GetObject(_connection, transaction, key) ?? throw new ResourceNotFoundException(key);
                CheckPrecondition(key, write.ExpectedRevision, stored.Revision);
                var value = ResourceVersionStamp.Stamp(stored.Json.Span, revision);
                SqliteQueries.DeleteObject(_connection, transaction, key);
                return Record(transaction, revision, ChangeType.Deleted, key, value);
            }
        }
    }

    private StoredChange Record(SqliteTransaction transaction, long revision, ChangeType type, ObjectKey key, byte[] value)
    {
        SqliteQueries.InsertChange(_connection, transaction, revision, type, key, value);
        return new StoredChange(revision, type, new StoredObject(key, revision, value));
    }

    private long Compact(SqliteTransaction transaction, long target, long compacted)
    {
        if (target <= compacted)
        {
            return compacted;
        }

        // Revisions have no gaps, so this removes at most CompactionBatchSize rows.
        var next = Math.Min(target, compacted + CompactionBatchSize);
        SqliteQueries.DeleteChangesThrough(_connection, transaction, next);
        return next;
    }

    private static void CheckPrecondition(ObjectKey key, long? expectedRevision, long storedRevision)
    {
        if (expectedRevision is { } expected && expected != storedRevision)
        {
            throw new ResourceConflictException(key, expected, storedRevision);
        }
    }

    internal enum WriteKind
    {
        Create,
        Update,
        Delete,
    }

    private abstract class Request
    {
        public abstract void Fail(Exception exception);
    }

    private sealed class ObjectWrite(
        WriteKind kind, ObjectKey key, ReadOnlyMemory<byte> json, long? expectedRevision, CancellationToken cancellationToken) : Request
    {
        public WriteKind Kind { get; } = kind;

        public ObjectKey Key { get; } = key;

        public ReadOnlyMemory<byte> Json { get; } = json;

        public long? ExpectedRevision { get; } = expectedRevision;

        public CancellationToken CancellationToken { get; } = cancellationToken;

        public TaskCompletionSource<StoredObject> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Fail(Exception exception) => Completion.TrySetException(exception);
    }

    private sealed class CompactionStep(long target) : Request
    {
        public long Target { get; } = target;

        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Fail(Exception exception) => Completion.TrySetException(exception);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "A SQLite write batch of {Count} requests failed to commit")]
        public static partial void BatchFailed(ILogger logger, int count, Exception exception);
    }
}
