using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace SuperKube.Storage.Postgres;

/// <summary>
/// This server's writer to a shared PostgreSQL store (group commit). Write requests queue in a channel; one loop
/// drains up to the batch size and applies them in one transaction that first locks the one-row revision counter
/// (so transactions from all servers commit one after another and revision order equals commit order). Each op runs
/// inside a savepoint, so a failing op leaves nothing behind and does not disturb its neighbours; successful ops get
/// consecutive revisions, the counter is advanced and a NOTIFY queued, the transaction commits, the changes are
/// published to this server's watchers, and only then do the callers' tasks complete.
/// </summary>
/// <remarks>
/// Cancellation is honoured until the loop picks a request up; after that it runs to completion, so a caller never
/// mistakes a committed write for a cancelled one.
/// </remarks>
internal sealed partial class PostgresWriter : IAsyncDisposable
{
    private const string SavepointName = "write_op";
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RetryBudget = TimeSpan.FromSeconds(30);

    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresChangeFeed _feed;
    private readonly int _maxBatchSize;
    private readonly ILogger _logger;
    private readonly Channel<Write> _requests = Channel.CreateUnbounded<Write>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public PostgresWriter(NpgsqlDataSource dataSource, PostgresChangeFeed feed, int maxBatchSize, ILogger logger)
    {
        _dataSource = dataSource;
        _feed = feed;
        _maxBatchSize = maxBatchSize;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    public Task<StoredObject> WriteAsync(
        WriteKind kind, ObjectKey key, ReadOnlyMemory<byte> json, long? expectedRevision, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<StoredObject>(cancellationToken);
        }

        var request = new Write(kind, key, json, expectedRevision, cancellationToken);
        if (!_requests.Writer.TryWrite(request))
        {
            request.Completion.TrySetException(new ObjectDisposedException(nameof(PostgresResourceStore)));
        }

        return request.Completion.Task;
    }

    /// <summary>Stops accepting requests and finishes the queued ones.</summary>
    public async ValueTask DisposeAsync()
    {
        _requests.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var batch = new List<Write>(_maxBatchSize);
        while (await _requests.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < _maxBatchSize && _requests.Reader.TryRead(out var request))
            {
                batch.Add(request);
            }

            await CommitBatchAsync(batch).ConfigureAwait(false);
            batch.Clear();
        }
    }

    /// <summary>
    /// Commits the batch. A failure before COMMIT was sent (a dropped connection, the database restarting: nothing of
    /// the batch committed) is retried with backoff for up to <see cref="RetryBudget"/>, for the requests still waiting;
    /// a failure during COMMIT is not retried (its outcome is unknown; the tailer publishes it if it did commit).
    /// </summary>
    private async Task CommitBatchAsync(List<Write> batch)
    {
        var delay = FirstRetryDelay;
        var started = Environment.TickCount64;
        while (true)
        {
            var pending = batch.Where(w => !w.Completion.Task.IsCompleted).ToList();
            var (outcome, error) = await TryCommitAsync(pending).ConfigureAwait(false);
            if (outcome is { } committed)
            {
                await _feed.PublishCommittedAsync(committed.Changes).ConfigureAwait(false);
                for (var i = 0; i < committed.Succeeded.Count; i++)
                {
                    committed.Succeeded[i].Completion.TrySetResult(committed.Changes[i].Object);
                }

                return;
            }

            var (exception, commitSent) = error;
            if (commitSent || !IsConnectionFailure(exception) || Environment.TickCount64 - started > RetryBudget.TotalMilliseconds)
            {
                Log.BatchFailed(_logger, pending.Count, exception);
                foreach (var write in pending)
                {
                    write.Completion.TrySetException(exception);
                }

                return;
            }

            Log.BatchRetrying(_logger, pending.Count, delay.TotalMilliseconds, exception.Message);
            await Task.Delay(delay).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
        }
    }

    private async Task<((List<StoredChange> Changes, List<Write> Succeeded)? Committed, (Exception Exception, bool CommitSent) Error)> TryCommitAsync(
        List<Write> batch)
    {
        var changes = new List<StoredChange>(batch.Count);
        var succeeded = new List<Write>(batch.Count);
        var commitSent = false;
        try
        {
            var connection = await _dataSource.OpenConnectionAsync().ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    var revision = await PostgresQueries.LockRevisionCounterAsync(connection, default).ConfigureAwait(false);
                    foreach (var write in batch)
                    {
                        if (await TryApplyAsync(connection, transaction, write, revision + 1).ConfigureAwait(false) is { } change)
                        {
                            revision = change.Revision;
                            changes.Add(change);
                            succeeded.Add(write);
                        }
                    }

                    if (changes.Count > 0)
                    {
                        await PostgresQueries.SetRevisionCounterAsync(connection, revision, default).ConfigureAwait(false);
                    }

                    commitSent = true;
                    await transaction.CommitAsync().ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex)
        {
            return (null, (ex, commitSent));
        }

        return ((changes, succeeded), default);
    }

    /// <summary>The database unreachable or going away (not an answer about this write): the batch may be retried.</summary>
    private static bool IsConnectionFailure(Exception exception) =>
        exception is NpgsqlException { IsTransient: true } or IOException or TimeoutException;

    /// <summary>Applies one write inside a savepoint; on failure rolls it back, fails the request and returns null.</summary>
    private static async Task<StoredChange?> TryApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Write write, long revision)
    {
        if (write.CancellationToken.IsCancellationRequested)
        {
            write.Completion.TrySetCanceled(write.CancellationToken);
            return null;
        }

        await transaction.SaveAsync(SavepointName).ConfigureAwait(false);
        StoredChange change;
        try
        {
            change = await ApplyAsync(connection, write, revision).ConfigureAwait(false);
        }
        catch (Exception ex) when (!IsConnectionFailure(ex))
        {
            // Rolling back can only fail if the transaction itself is gone; that then fails the whole batch.
            await transaction.RollbackAsync(SavepointName).ConfigureAwait(false);
            write.Completion.TrySetException(ex);
            return null;
        }

        await transaction.ReleaseAsync(SavepointName).ConfigureAwait(false);
        return change;
    }

    private static async Task<StoredChange> ApplyAsync(NpgsqlConnection connection, Write write, long revision)
    {
        var key = write.Key;
        switch (write.Kind)
        {
            case WriteKind.Create:
            {
                var value = ResourceVersionStamp.Stamp(write.Json.Span, revision);
                if (!await PostgresQueries.InsertObjectAsync(connection, key, revision, value, default).ConfigureAwait(false))
                {
                    throw new ResourceAlreadyExistsException(key);
                }

                return await RecordAsync(connection, revision, ChangeType.Added, key, value).ConfigureAwait(false);
            }

            case WriteKind.Update:
            {
                var stored = await PostgresQueries.GetRevisionAsync(connection, key, default).ConfigureAwait(false)
                    ?? throw new ResourceNotFoundException(key);
                CheckPrecondition(key, write.ExpectedRevision, stored);
                var value = ResourceVersionStamp.Stamp(write.Json.Span, revision);
                await PostgresQueries.UpdateObjectAsync(connection, key, revision, value, default).ConfigureAwait(false);
                return await RecordAsync(connection, revision, ChangeType.Modified, key, value).ConfigureAwait(false);
            }

            default:
            {
                var stored = await PostgresQueries.GetObjectAsync(connection, key, default).ConfigureAwait(false)
                    ?? throw new ResourceNotFoundException(key);
                CheckPrecondition(key, write.ExpectedRevision, stored.Revision);
                var value = ResourceVersionStamp.Stamp(stored.Json.Span, revision);
                await PostgresQueries.DeleteObjectAsync(connection, key, default).ConfigureAwait(false);
                return await RecordAsync(connection, revision, ChangeType.Deleted, key, value).ConfigureAwait(false);
            }
        }
    }

    private static async Task<StoredChange> RecordAsync(NpgsqlConnection connection, long revision, ChangeType type, ObjectKey key, byte[] value)
    {
        await PostgresQueries.InsertChangeAsync(connection, revision, type, key, value, default).ConfigureAwait(false);
        return new StoredChange(revision, type, new StoredObject(key, revision, value));
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

    private sealed class Write(
        WriteKind kind, ObjectKey key, ReadOnlyMemory<byte> json, long? expectedRevision, CancellationToken cancellationToken)
    {
        public WriteKind Kind { get; } = kind;

        public ObjectKey Key { get; } = key;

        public ReadOnlyMemory<byte> Json { get; } = json;

        public long? ExpectedRevision { get; } = expectedRevision;

        public CancellationToken CancellationToken { get; } = cancellationToken;

        public TaskCompletionSource<StoredObject> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2106, Level = LogLevel.Warning,
            Message = "A PostgreSQL write batch of {Count} requests could not reach the database; retrying in {DelayMs} ms: {Message}")]
        public static partial void BatchRetrying(ILogger logger, int count, double delayMs, string message);

        [LoggerMessage(EventId = 2102, Level = LogLevel.Error, Message = "A PostgreSQL write batch of {Count} requests failed to commit")]
        public static partial void BatchFailed(ILogger logger, int count, Exception exception);
    }
}
