using Microsoft.Extensions.Logging;
using Npgsql;

namespace SuperKube.Storage.Postgres;

/// <summary>
/// Publishes the shared database's change log to this server's watchers exactly once, in revision order. Two sources
/// feed it: this server's own commits (published right after commit, so its writers' callers see them at once) and a
/// tailer that reads <c>revision &gt; last published</c> whenever a NOTIFY announces a revision not yet published (another
/// server's commit), and on a timer as a safety net. Both go through one gate that tracks the last published revision, so nothing is published
/// twice and a commit that would jump ahead first pulls in the revisions before it.
/// </summary>
internal sealed partial class PostgresChangeFeed : IAsyncDisposable
{
    private const int PageSize = 500;
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    private readonly PostgresDataSources _dataSources;
    private readonly ChangeBroadcaster _broadcaster;
    private readonly TimeSpan _pollInterval;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _tailer;
    private long _published;
    private long _compacted;
    private long _committing;
    private volatile string? _problem;

    /// <summary>Starts tailing after <paramref name="published"/> (the revision the store opened at).</summary>
    public PostgresChangeFeed(
        PostgresDataSources dataSources, ChangeBroadcaster broadcaster, long published, long compacted, TimeSpan pollInterval, ILogger logger)
    {
        _dataSources = dataSources;
        _broadcaster = broadcaster;
        _published = published;
        _compacted = compacted;
        _pollInterval = pollInterval;
        _logger = logger;
        _tailer = Task.Run(() => TailAsync(_stopping.Token));
    }

    /// <summary>The newest revision published to watchers.</summary>
    public long Published => Interlocked.Read(ref _published);

    /// <summary>The newest compaction point seen, by this server or another.</summary>
    public long Compacted => Interlocked.Read(ref _compacted);

    /// <summary>Why the database cannot be read right now (the tailer's last error), or null while it can.</summary>
    public string? Problem => _problem;

    /// <summary>Records a compaction point (from this server's compaction or a read of the database).</summary>
    public void ObserveCompacted(long revision)
    {
        var seen = Interlocked.Read(ref _compacted);
        while (revision > seen)
        {
            var previous = Interlocked.CompareExchange(ref _compacted, revision, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }

    /// <summary>
    /// Tells the tailer that this server's writer is committing revisions through <paramref name="lastRevision"/> and
    /// will publish them itself, so the NOTIFY of that commit (which may arrive before the writer has read its COMMIT
    /// answer) needs no read of the change log. Older revisions of other servers announced meanwhile need none either:
    /// the writer catches them up before publishing its own. Call <see cref="CommitEnded"/> once published or failed.
    /// </summary>
    public void CommitStarting(long lastRevision) => Interlocked.Exchange(ref _committing, lastRevision);

    /// <summary>
    /// This server's commit is published, or failed. When it failed with an unknown outcome and did commit, the skipped
    /// NOTIFY is made up for by the tailer's timer read or the writer's next commit (which catches up the gap first).
    /// </summary>
    public void CommitEnded() => Interlocked.Exchange(ref _committing, 0);

    /// <summary>Publishes this server's just-committed changes (consecutive revisions), after any earlier ones.</summary>
    public async Task PublishCommittedAsync(IReadOnlyList<StoredChange> committed)
    {
        if (committed.Count == 0)
        {
            return;
        }

        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (committed[0].Revision > Published + 1)
            {
                try
                {
                    await CatchUpAsync(committed[0].Revision - 1, CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is NpgsqlException or TimeoutException or RevisionCompactedException)
                {
                    // Watchers fill the gap from the change log themselves (or end with "too old" if it was compacted).
                    Log.CatchUpFailed(_logger, ex);
                }
            }

            PublishNew(committed);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _tailer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
        _gate.Dispose();
    }

    /// <summary>
    /// LISTENs on a dedicated connection and reads new changes on every wake-up. After an error (connection dropped,
    /// database restarting) it reconnects with exponential backoff (0.1 s doubling to 5 s) and resumes from the last
    /// published revision, so watchers miss nothing; <see cref="Problem"/> is set until a read succeeds again.
    /// </summary>
    private async Task TailAsync(CancellationToken stoppingToken)
    {
        var retryDelay = FirstRetryDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var connection = await _dataSources.Listening.OpenConnectionAsync(stoppingToken).ConfigureAwait(false);
                await using (connection.ConfigureAwait(false))
                {
                    var announced = 0L;
                    connection.Notification += (_, e) => announced = Math.Max(announced, AnnouncedRevision(e.Payload));
                    await PostgresQueries.ListenAsync(connection, stoppingToken).ConfigureAwait(false);
                    var catchUp = true;
                    while (true)
                    {
                        if (catchUp)
                        {
                            await CatchUpUnderGateAsync(stoppingToken).ConfigureAwait(false);
                            if (_problem is not null)
                            {
                                _problem = null;
                                Log.TailRecovered(_logger, Published);
                            }

                            retryDelay = FirstRetryDelay;
                        }

                        // A notification of a revision already published, or about to be by this server's writer (its own
                        // commits, published as they commit), needs no read; the timer's wake-up always reads.
                        announced = 0;
                        var notified = await connection.WaitAsync(_pollInterval, stoppingToken).ConfigureAwait(false);
                        catchUp = !notified || announced > Math.Max(Published, Interlocked.Read(ref _committing));
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                if (_problem is null)
                {
                    Log.TailFailed(_logger, ex);
                }

                _problem = ex.Message;
                try
                {
                    await Task.Delay(retryDelay, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                retryDelay = TimeSpan.FromTicks(Math.Min(retryDelay.Ticks * 2, MaxRetryDelay.Ticks));
            }
        }
    }

    /// <summary>The revision a NOTIFY carries (writers send their last committed one); unreadable counts as new.</summary>
    private static long AnnouncedRevision(string payload) =>
        long.TryParse(payload, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var revision)
            ? revision
            : long.MaxValue;

    private async Task CatchUpUnderGateAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await CatchUpAsync(long.MaxValue, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Publishes committed changes after <see cref="Published"/> through <paramref name="upTo"/>. Call under the gate.</summary>
    private async Task CatchUpAsync(long upTo, CancellationToken cancellationToken)
    {
        var connection = await _dataSources.Pooled.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            while (Published < upTo)
            {
                var (compacted, page) = await PostgresQueries.ReadChangesAsync(connection, Published, upTo, PageSize, cancellationToken).ConfigureAwait(false);
                ObserveCompacted(compacted);
                PublishNew(page);
                if (page.Count < PageSize)
                {
                    return;
                }
            }
        }
    }

    private void PublishNew(IReadOnlyList<StoredChange> changes)
    {
        var published = Published;
        var fresh = changes.Where(c => c.Revision > published).ToList();
        if (fresh.Count == 0)
        {
            return;
        }

        _broadcaster.Publish(fresh);
        Interlocked.Exchange(ref _published, fresh[^1].Revision);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2103, Level = LogLevel.Warning,
            Message = "Reading the PostgreSQL change log failed; reconnecting with backoff, /readyz reports not ready until it is back (watchers catch up then)")]
        public static partial void TailFailed(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 2105, Level = LogLevel.Information,
            Message = "PostgreSQL is reachable again; the change log is read up to revision {Revision}")]
        public static partial void TailRecovered(ILogger logger, long revision);

        [LoggerMessage(EventId = 2104, Level = LogLevel.Warning,
            Message = "Reading other servers' changes before publishing a commit failed; watchers fill the gap from the change log")]
        public static partial void CatchUpFailed(ILogger logger, Exception exception);
    }
}
