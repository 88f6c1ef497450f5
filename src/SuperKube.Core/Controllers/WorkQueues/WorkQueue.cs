namespace SuperKube.Controllers.WorkQueues;

/// <summary>
/// The default <see cref="IWorkQueue{TKey}"/>: a FIFO with a dirty set (queued or re-added while processing), a
/// processing set, a delay heap driven by one <see cref="TimeProvider"/> timer, and per-item exponential backoff.
/// </summary>
internal sealed class WorkQueue<TKey> : IWorkQueue<TKey>, IDisposable
    where TKey : notnull
{
    private readonly Lock _lock = new();
    private readonly Queue<TKey> _queue = new();
    private readonly HashSet<TKey> _dirty = [];
    private readonly HashSet<TKey> _processing = [];
    private readonly Dictionary<TKey, long> _queuedAt = [];
    private readonly Queue<TaskCompletionSource<(TKey, bool)>> _waiters = new();
    private readonly Dictionary<TKey, DateTimeOffset> _delayedUntil = [];
    private readonly PriorityQueue<TKey, DateTimeOffset> _delayed = new();
    private readonly ExponentialBackoff<TKey> _backoff;
    private readonly TimeProvider _time;
    private readonly IWorkQueueMetrics _metrics;
    private ITimer? _timer;
    private bool _shuttingDown;

    public WorkQueue(TimeProvider time, TimeSpan retryBaseDelay, TimeSpan retryMaxDelay, IWorkQueueMetrics? metrics = null)
    {
        _time = time;
        _backoff = new ExponentialBackoff<TKey>(retryBaseDelay, retryMaxDelay);
        _metrics = metrics ?? NoWorkQueueMetrics.Instance;
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _queue.Count;
            }
        }
    }

    public bool IsShuttingDown
    {
        get
        {
            lock (_lock)
            {
                return _shuttingDown;
            }
        }
    }

    public void Add(TKey item)
    {
        lock (_lock)
        {
            AddLocked(item);
        }
    }

    public void AddAfter(TKey item, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(item);
            return;
        }

        lock (_lock)
        {
            if (_shuttingDown)
            {
                return;
            }

            var readyAt = _time.GetUtcNow() + delay;
            if (_delayedUntil.TryGetValue(item, out var pending) && pending <= readyAt)
            {
                return;
            }

            _delayedUntil[item] = readyAt;
            _delayed.Enqueue(item, readyAt);
            ScheduleLocked();
        }
    }

    public void AddRateLimited(TKey item)
    {
        TimeSpan delay;
        lock (_lock)
        {
            if (_shuttingDown)
            {
                return;
            }

            delay = _backoff.Next(item);
        }

        _metrics.Retried();
        AddAfter(item, delay);
    }

    public void Forget(TKey item)
    {
        lock (_lock)
        {
            _backoff.Forget(item);
        }
    }

    public int NumRequeues(TKey item)
    {
        lock (_lock)
        {
            return _backoff.Retries(item);
        }
    }

    public ValueTask<(TKey Item, bool Shutdown)> GetAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource<(TKey, bool)> waiter;
        lock (_lock)
        {
            if (_queue.TryDequeue(out var item))
            {
                StartLocked(item);
                return ValueTask.FromResult((item, false));
            }

            if (_shuttingDown)
            {
                return ValueTask.FromResult((default(TKey)!, true)); // no item on shutdown, as client-go returns the zero value
            }

            waiter = new TaskCompletionSource<(TKey, bool)>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Enqueue(waiter);
        }

        return WaitAsync(waiter, cancellationToken);
    }

    public void Done(TKey item)
    {
        lock (_lock)
        {
            _processing.Remove(item);
            if (_dirty.Contains(item))
            {
                DeliverLocked(item);
            }
        }
    }

    public void ShutDown()
    {
        lock (_lock)
        {
            _shuttingDown = true;
            _delayed.Clear();
            _delayedUntil.Clear();
            _timer?.Dispose();
            _timer = null;

            // Waiters exist only while the queue is empty, so they can all be told to stop.
            while (_waiters.TryDequeue(out var waiter))
            {
                waiter.TrySetResult((default!, true));
            }
        }
    }

    public void Dispose() => ShutDown();

    private static async ValueTask<(TKey Item, bool Shutdown)> WaitAsync(TaskCompletionSource<(TKey, bool)> waiter, CancellationToken cancellationToken)
    {
        await using var registration = cancellationToken.UnsafeRegister(
            static (state, token) => ((TaskCompletionSource<(TKey, bool)>)state!).TrySetCanceled(token), waiter).ConfigureAwait(false);
        return await waiter.Task.ConfigureAwait(false);
    }

    private void AddLocked(TKey item)
    {
        if (_shuttingDown || !_dirty.Add(item))
        {
            return;
        }

        _metrics.Added();
        _queuedAt[item] = _time.GetTimestamp();
        if (!_processing.Contains(item))
        {
            DeliverLocked(item);
        }
    }

    /// <summary>Hands a dirty item to a waiting worker, or queues it.</summary>
    private void DeliverLocked(TKey item)
    {
        while (_waiters.TryDequeue(out var waiter))
        {
            if (waiter.TrySetResult((item, false)))
            {
                StartLocked(item);
                return;
            }
        }

        _queue.Enqueue(item);
    }

    private void StartLocked(TKey item)
    {
        _dirty.Remove(item);
        _processing.Add(item);
        if (_queuedAt.Remove(item, out var since))
        {
            _metrics.Dequeued(_time.GetElapsedTime(since));
        }
    }

    private void OnTimer()
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            while (_delayed.TryPeek(out var item, out var readyAt) && readyAt <= now)
            {
                _delayed.Dequeue();
                if (_delayedUntil.TryGetValue(item, out var wanted) && wanted == readyAt)
                {
                    _delayedUntil.Remove(item);
                    AddLocked(item);
                }
            }

            ScheduleLocked();
        }
    }

    private void ScheduleLocked()
    {
        if (_shuttingDown || !_delayed.TryPeek(out _, out var next))
        {
            return;
        }

        var due = next - _time.GetUtcNow();
        if (due < TimeSpan.Zero)
        {
            due = TimeSpan.Zero;
        }

        if (_timer is null)
        {
            _timer = _time.CreateTimer(static state => ((WorkQueue<TKey>)state!).OnTimer(), this, due, Timeout.InfiniteTimeSpan);
        }
        else
        {
            _timer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }
}
