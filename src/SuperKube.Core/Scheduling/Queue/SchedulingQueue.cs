using SuperKube.Scheduling.Framework;

namespace SuperKube.Scheduling.Queue;

/// <summary>
/// The pending pods: an active queue ordered by the QueueSort plugin, a backoff queue of pods that failed recently
/// (exponential backoff), and a pool of unschedulable pods that cluster events move back. Pods held by a PreEnqueue
/// plugin (scheduling gates) wait in the pool until they are updated. Owned by the scheduling loop (not thread-safe).
/// </summary>
internal sealed class SchedulingQueue
{
    private readonly PriorityQueue<Entry, QueuedPodInfo> _active;
    private readonly PriorityQueue<Entry, DateTimeOffset> _backoff = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, QueuedPodInfo> _unschedulable = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PodInfo> _inFlight = new(StringComparer.Ordinal);
    private readonly Func<PodInfo, SchedulingStatus> _preEnqueue;
    private readonly Func<string, ClusterEvents> _eventsOf;
    private readonly QueueTiming _timing;
    private readonly TimeProvider _time;

    public SchedulingQueue(
        IComparer<QueuedPodInfo> order, Func<PodInfo, SchedulingStatus> preEnqueue, Func<string, ClusterEvents> eventsOf, QueueTiming timing, TimeProvider time)
    {
        _active = new PriorityQueue<Entry, QueuedPodInfo>(order);
        _preEnqueue = preEnqueue;
        _eventsOf = eventsOf;
        _timing = timing;
        _time = time;
    }

    public int ActiveCount => _entries.Values.Count(e => e.Where == Location.Active);

    public int BackoffCount => _entries.Values.Count(e => e.Where == Location.Backoff);

    public int UnschedulableCount => _unschedulable.Count;

    /// <summary>True when the pod is pending anywhere in the queue (or being scheduled).</summary>
    public bool Contains(string uid) => _entries.ContainsKey(uid) || _unschedulable.ContainsKey(uid) || _inFlight.ContainsKey(uid);

    /// <summary>The latest known version of a pending pod.</summary>
    public PodInfo? Get(string uid) =>
        _inFlight.TryGetValue(uid, out var pod) ? pod
        : _entries.TryGetValue(uid, out var entry) ? entry.Info.Pod
        : _unschedulable.TryGetValue(uid, out var info) ? info.Pod
        : null;

    /// <summary>The uids of every pending pod.</summary>
    public IReadOnlyCollection<string> Uids => [.. _entries.Keys.Concat(_unschedulable.Keys).Concat(_inFlight.Keys).Distinct()];

    /// <summary>The pods in the unschedulable pool (for tests and diagnostics).</summary>
    public IReadOnlyCollection<QueuedPodInfo> Unschedulable => _unschedulable.Values;

    /// <summary>Adds a new pending pod: active, or the pool when a PreEnqueue plugin holds it back.</summary>
    public SchedulingStatus Add(PodInfo pod)
    {
        var info = new QueuedPodInfo(pod, _time.GetUtcNow());
        return Enqueue(info, fromBackoffCheck: false);
    }

    /// <summary>Replaces a pending pod with its new version; a held or unschedulable pod gets another try.</summary>
    public void Update(PodInfo pod, bool specChanged)
    {
        if (_inFlight.ContainsKey(pod.Uid))
        {
            _inFlight[pod.Uid] = pod;
            return;
        }

        if (_entries.TryGetValue(pod.Uid, out var entry))
        {
            if (entry.Where == Location.Active)
            {
                // Priority may have changed: re-insert a copy (the heap orders by the old one, whose slot is now stale).
                Push(entry.Info.With(pod), Location.Active);
            }
            else
            {
                entry.Info.Pod = pod;
            }

            return;
        }

        if (_unschedulable.Remove(pod.Uid, out var info))
        {
            info.Pod = pod;
            if (info.Gated || specChanged)
            {
                Enqueue(info, fromBackoffCheck: true);
            }
            else
            {
                _unschedulable[pod.Uid] = info;
            }

            return;
        }

        Add(pod);
    }

    public void Delete(string uid)
    {
        Remove(uid);
        _unschedulable.Remove(uid);
        _inFlight.Remove(uid);
    }

    /// <summary>The next pod to schedule, after moving pods whose backoff ended; false when none is ready.</summary>
    public bool TryPop(out QueuedPodInfo info)
    {
        FlushBackoff();
        while (_active.TryDequeue(out var entry, out _))
        {
            if (entry.Where != Location.Active || !_entries.TryGetValue(entry.Info.Pod.Uid, out var current) || current != entry)
            {
                continue;
            }

            _entries.Remove(entry.Info.Pod.Uid);
            entry.Where = Location.None;
            info = entry.Info;
            info.Attempts++;
            _inFlight[info.Pod.Uid] = info.Pod;
            return true;
        }

        info = null!;
        return false;
    }

    /// <summary>Ends an attempt that placed the pod.</summary>
    public void Done(string uid) => _inFlight.Remove(uid);

    /// <summary>
    /// Returns a pod whose attempt failed: errors go to backoff, rejections to the unschedulable pool. Ignored when the
    /// pod was deleted (or bound by someone else) meanwhile.
    /// </summary>
    public bool Requeue(QueuedPodInfo info, bool error)
    {
        if (!_inFlight.Remove(info.Pod.Uid, out var latest))
        {
            return false;
        }

        info.Pod = latest;
        info.Timestamp = _time.GetUtcNow();
        info.LastAttemptErrored = error;
        if (error)
        {
            Push(info, Location.Backoff);
        }
        else
        {
            _unschedulable[info.Pod.Uid] = info;
        }

        return true;
    }

    /// <summary>
    /// Moves the unschedulable pods that a plugin woken by <paramref name="events"/> rejected (and those no plugin
    /// rejected) to backoff or active; gated pods stay.
    /// </summary>
    public int MoveOnEvent(ClusterEvents events, Func<PodInfo, bool>? relevant = null)
    {
        var moved = new List<QueuedPodInfo>();
        foreach (var info in _unschedulable.Values)
        {
            if (!info.Gated && WokenBy(info, events) && (relevant is null || relevant(info.Pod)))
            {
                moved.Add(info);
            }
        }

        foreach (var info in moved)
        {
            _unschedulable.Remove(info.Pod.Uid);
            Push(info, IsBackingOff(info) ? Location.Backoff : Location.Active);
        }

        return moved.Count;
    }

    /// <summary>Moves pods that stayed unschedulable longer than the limit, as upstream does every 30 seconds.</summary>
    public void FlushUnschedulable()
    {
        var now = _time.GetUtcNow();
        var stale = _unschedulable.Values.Where(i => !i.Gated && now - i.Timestamp >= _timing.MaxInUnschedulable).ToList();
        foreach (var info in stale)
        {
            _unschedulable.Remove(info.Pod.Uid);
            Push(info, IsBackingOff(info) ? Location.Backoff : Location.Active);
        }
    }

    /// <summary>When the earliest backoff ends, or null when no pod is backing off.</summary>
    public DateTimeOffset? NextBackoffExpiry()
    {
        while (_backoff.TryPeek(out var entry, out var at))
        {
            if (entry.Where == Location.Backoff && _entries.TryGetValue(entry.Info.Pod.Uid, out var current) && current == entry)
            {
                return at;
            }

            _backoff.Dequeue();
        }

        return null;
    }

    /// <summary>The backoff after <paramref name="attempts"/> attempts: initial × 2^(attempts-1), at most the maximum.</summary>
    public TimeSpan BackoffDuration(int attempts)
    {
        var duration = _timing.InitialBackoff;
        for (var i = 1; i < attempts && duration < _timing.MaxBackoff; i++)
        {
            duration *= 2;
        }

        return duration > _timing.MaxBackoff ? _timing.MaxBackoff : duration;
    }

    private DateTimeOffset BackoffExpiry(QueuedPodInfo info) => info.Timestamp + BackoffDuration(info.Attempts);

    private bool IsBackingOff(QueuedPodInfo info) => info.Attempts > 0 && BackoffExpiry(info) > _time.GetUtcNow();

    private bool WokenBy(QueuedPodInfo info, ClusterEvents events)
    {
        if (info.UnschedulablePlugins.Count == 0)
        {
            return true;
        }

        foreach (var plugin in info.UnschedulablePlugins)
        {
            if ((_eventsOf(plugin) & events) != 0)
            {
                return true;
            }
        }

        return false;
    }

    private SchedulingStatus Enqueue(QueuedPodInfo info, bool fromBackoffCheck)
    {
        var status = _preEnqueue(info.Pod);
        info.Gated = !status.IsSuccess;
        if (info.Gated)
        {
            Remove(info.Pod.Uid);
            info.UnschedulablePlugins = status.Plugin is { } plugin ? new HashSet<string> { plugin } : new HashSet<string>();
            _unschedulable[info.Pod.Uid] = info;
            return status;
        }

        Push(info, fromBackoffCheck && IsBackingOff(info) ? Location.Backoff : Location.Active);
        return status;
    }

    private void FlushBackoff()
    {
        var now = _time.GetUtcNow();
        while (_backoff.TryPeek(out var entry, out var at) && at <= now)
        {
            _backoff.Dequeue();
            if (entry.Where == Location.Backoff && _entries.TryGetValue(entry.Info.Pod.Uid, out var current) && current == entry)
            {
                _entries.Remove(entry.Info.Pod.Uid);
                Push(entry.Info, Location.Active);
            }
        }
    }

    private void Push(QueuedPodInfo info, Location where)
    {
        Remove(info.Pod.Uid);
        var entry = new Entry(info) { Where = where };
        _entries[info.Pod.Uid] = entry;
        if (where == Location.Active)
        {
            _active.Enqueue(entry, info);
        }
        else
        {
            _backoff.Enqueue(entry, BackoffExpiry(info));
        }
    }

    private void Remove(string uid)
    {
        if (_entries.Remove(uid, out var entry))
        {
            entry.Where = Location.None;
        }
    }

    private enum Location
    {
        None,
        Active,
        Backoff,
    }

    private sealed class Entry(QueuedPodInfo info)
    {
        public QueuedPodInfo Info { get; } = info;

        public Location Where { get; set; }
    }
}
