using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace SuperKube.Storage.Postgres;

/// <summary>
/// This server's writer to a shared PostgreSQL store (group commit). Write requests queue in a channel; one loop
/// drains up to the batch size and applies them in one transaction that first locks the one-row revision counter
/// (so transactions from all servers commit one after another and revision order equals commit order) and reads the
/// stored rows the batch touches, all in one round trip. <see cref="PostgresWritePlan"/> then judges the ops in order
/// in memory: a failing op changes nothing and does not disturb its neighbours; successful ops get consecutive
/// revisions. One more round trip writes the objects and change-log rows (multi-row statements), advances the counter,
/// queues a NOTIFY and commits, so a batch costs two round trips however many writes it holds. The changes are then
/// published to this server's watchers, and only then do the callers' tasks complete.
/// </summary>
/// <remarks>
/// Cancellation is honoured until the loop picks a request up; after that it runs to completion, so a caller never
/// mistakes a committed write for a cancelled one.
/// </remarks>
internal sealed partial class PostgresWriter : IAsyncDisposable
{
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

        var request = new Write(new PostgresWriteOp(kind, key, json, expectedRevision), cancellationToken);
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
    /// Commits the batch. A failure known to leave nothing committed (a dropped connection before COMMIT was sent, the
    /// database restarting) is retried with backoff for up to <see cref="RetryBudget"/>, for the requests still waiting;
    /// a failure once COMMIT was sent is not retried (its outcome is unknown; the tailer publishes it if it did commit). Any
    /// other database error (one op's row the database refuses) is retried one request at a time, so it fails only
    /// the request that causes it.
    /// </summary>
    private async Task CommitBatchAsync(List<Write> batch)
    {
        var delay = FirstRetryDelay;
        var started = Environment.TickCount64;
        while (true)
        {
            var pending = batch.Where(w => !w.Completion.Task.IsCompleted && !CancelIfRequested(w)).ToList();
            if (pending.Count == 0)
            {
                return;
            }

            PostgresWritePlan? outcome;
            (Exception Exception, bool OutcomeUnknown) error;
            try
            {
                (outcome, error) = await TryCommitAsync(pending).ConfigureAwait(false);
                if (outcome is not null)
                {
                    await _feed.PublishCommittedAsync(outcome.Changes).ConfigureAwait(false);
                }
            }
            finally
            {
                _feed.CommitEnded();
            }

            if (outcome is { } committed)
            {
                for (var i = 0; i < committed.Outcomes.Count; i++)
                {
                    if (committed.Outcomes[i].Change is { } change)
                    {
                        pending[i].Completion.TrySetResult(change.Object);
                    }
                }

                return;
            }

            var (exception, outcomeUnknown) = error;
            if (!outcomeUnknown && !IsConnectionFailure(exception) && pending.Count > 1)
            {
                Log.BatchSplit(_logger, pending.Count, exception.Message);
                foreach (var write in pending)
                {
                    await CommitBatchAsync([write]).ConfigureAwait(false);
                }

                return;
            }

            if (outcomeUnknown || !IsConnectionFailure(exception) || Environment.TickCount64 - started > RetryBudget.TotalMilliseconds)
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

    /// <summary>
    /// One transaction, two round trips whatever the batch size: BEGIN, lock the counter and read the touched rows; write
    /// the planned rows and COMMIT. Once committed, the ops that failed their checks (they changed nothing) are
    /// completed here; the succeeded ones by the caller once the commit is published.
    /// </summary>
    private async Task<(PostgresWritePlan? Committed, (Exception Exception, bool OutcomeUnknown) Error)> TryCommitAsync(List<Write> batch)
    {
        var ops = batch.Select(w => w.Op).ToList();
        PostgresWritePlan plan;
        var commitSent = false;
        try
        {
            var connection = await _dataSource.OpenConnectionAsync().ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                try
                {
                    var (revision, stored) = await PostgresQueries.BeginAndReadForWriteAsync(
                        connection, PostgresWritePlan.KeysToRead(ops), default).ConfigureAwait(false);
                    plan = PostgresWritePlan.Build(revision, ops, stored);
                    if (plan.Changes.Count > 0)
                    {
                        _feed.CommitStarting(plan.LastRevision);
                    }

                    commitSent = true;
                    await PostgresQueries.ApplyPlanAndCommitAsync(connection, plan, default).ConfigureAwait(false);
                }
                catch
                {
                    await PostgresQueries.TryRollbackAsync(connection).ConfigureAwait(false);
                    throw;
                }
            }
        }
        catch (Exception ex)
        {
            // An ERROR answer means the statement failed and the rest of the round trip, COMMIT included, was skipped
            // (or COMMIT itself failed): nothing committed. Anything else after COMMIT was sent leaves the outcome open.
            return (null, (ex, commitSent && ex is not PostgresException { InvariantSeverity: "ERROR" }));
        }

        for (var i = 0; i < batch.Count; i++)
        {
            if (plan.Outcomes[i].Error is { } failure)
            {
                batch[i].Completion.TrySetException(failure);
            }
        }

        return (plan, default);
    }

    private static bool CancelIfRequested(Write write) =>
        write.CancellationToken.IsCancellationRequested && write.Completion.TrySetCanceled(write.CancellationToken);

    /// <summary>The database unreachable or going away (not an answer about this write): the batch may be retried.</summary>
    private static bool IsConnectionFailure(Exception exception) =>
        exception is NpgsqlException { IsTransient: true } or IOException or TimeoutException;

    internal enum WriteKind
    {
        Create,
        Update,
        Delete,
    }

    private sealed class Write(PostgresWriteOp op, CancellationToken cancellationToken)
    {
        public PostgresWriteOp Op { get; } = op;

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

        [LoggerMessage(EventId = 2108, Level = LogLevel.Warning,
            Message = "PostgreSQL refused a write batch of {Count} requests ({Message}); committing them one at a time so only the offending request fails")]
        public static partial void BatchSplit(ILogger logger, int count, string message);
    }
}
