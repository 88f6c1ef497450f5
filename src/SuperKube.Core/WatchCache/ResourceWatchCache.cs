using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SuperKube.Diagnostics;
using SuperKube.Storage;
using System.Collections.Concurrent;

namespace SuperKube.WatchCache;

/// <summary>
/// The in-memory cache in front of the store: loaded once at start, then fed by the store's change feed. It serves
/// GET, LIST and WATCH so reads never touch the database.
/// </summary>
internal sealed partial class ResourceWatchCache : IHostedService, IAsyncDisposable
{
    private readonly IResourceStore _store;
    private readonly WatchCacheOptions _options;
    private readonly ILogger<ResourceWatchCache> _logger;
    private readonly ConcurrentDictionary<string, ResourceCache> _resources = new(StringComparer.Ordinal);
    private readonly Lock _waitersGate = new();
    private readonly PriorityQueue<TaskCompletionSource, long> _waiters = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;
    private Task? _tail;
    private long _revision;
    private long _startRevision;

    public ResourceWatchCache(IResourceStore store, IOptions<WatchCacheOptions> options, ILogger<ResourceWatchCache> logger)
    {
        _store = store;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>The newest revision applied to the cache.</summary>
    public long Revision => Volatile.Read(ref _revision);

    /// <summary>True once the initial load finished.</summary>
    public bool IsReady => _ready.Task.IsCompletedSuccessfully;

    /// <summary>Completes when the initial load finished.</summary>
    public Task Ready => _ready.Task;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        var snapshot = await _store.ListAsync(cancellationToken).ConfigureAwait(false);
        _startRevision = snapshot.Revision;
        foreach (var stored in snapshot.Objects)
        {
            For(stored.Key.Resource).Load(stored);
        }

        Volatile.Write(ref _revision, snapshot.Revision);
        Log.Loaded(_logger, snapshot.Objects.Count, snapshot.Revision);
        _tail = Task.Run(() => TailAsync(snapshot.Revision, _stopping.Token), CancellationToken.None);
        _ready.TrySetResult();
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var cache in _resources.Values)
        {
            cache.CompleteAll();
        }

        if (_tail is not null)
        {
            await _tail.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Registered both as itself and as a hosted service, so the container may dispose it twice.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    /// <summary>The cache of one resource (storage key), created on first use.</summary>
    public ResourceCache For(string storageKey) =>
        _resources.GetOrAdd(storageKey, key => new ResourceCache(key, _startRevision, _options.HistoryPerResource, !_options.StoreOnlyResources.Contains(key)));

    /// <summary>
    /// Waits until the cache has applied <paramref name="revision"/>. Returns false when that did not happen within
    /// the configured timeout (the caller answers 504).
    /// </summary>
    public async ValueTask<bool> WaitForRevisionAsync(long revision, CancellationToken cancellationToken)
    {
        if (Revision >= revision)
        {
            return true;
        }

        TaskCompletionSource waiter;
        lock (_waitersGate)
        {
            if (Revision >= revision)
            {
                return true;
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Enqueue(waiter, revision);
        }

        try
        {
            await waiter.Task.WaitAsync(_options.RevisionWaitTimeout, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private async Task TailAsync(long after, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var change in _store.WatchAsync(after, cancellationToken).ConfigureAwait(false))
            {
                For(change.Object.Key.Resource).Apply(change, () => Volatile.Write(ref _revision, change.Revision));
                ReleaseWaiters(change.Revision);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            Log.TailFailed(_logger, ex);
            throw;
        }
    }

    private void ReleaseWaiters(long revision)
    {
        lock (_waitersGate)
        {
            while (_waiters.TryPeek(out var waiter, out var wanted) && wanted <= revision)
            {
                _waiters.Dequeue();
                waiter.TrySetResult();
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = SuperKubeEventIds.WatchCache, Level = LogLevel.Information,
            Message = "Watch cache loaded {Count} objects at revision {Revision}")]
        public static partial void Loaded(ILogger logger, int count, long revision);

        [LoggerMessage(EventId = SuperKubeEventIds.WatchCache + 1, Level = LogLevel.Critical,
            Message = "The watch cache lost the store's change feed; reads are stale until restart")]
        public static partial void TailFailed(ILogger logger, Exception exception);
    }
}
