using System.Threading.Channels;

namespace SuperKube.WatchCache;

/// <summary>
/// One subscriber of a resource cache. Events are queued without blocking the cache; a watcher that falls more
/// than <see cref="Capacity"/> events behind is closed (as Kubernetes does) and its client re-watches.
/// </summary>
internal sealed class CacheWatcher : IDisposable
{
    public const int Capacity = 10_000;

    private readonly Channel<CacheEvent> _events = Channel.CreateBounded<CacheEvent>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly Action<CacheWatcher> _unsubscribe;

    public CacheWatcher(string? ns, Action<CacheWatcher> unsubscribe)
    {
        Namespace = ns;
        _unsubscribe = unsubscribe;
    }

    /// <summary>Only events of this namespace reach the watcher; null for all namespaces.</summary>
    public string? Namespace { get; }

    /// <summary>Objects present when the watch started (only for watches that asked for initial events).</summary>
    public IReadOnlyList<CachedObject> Initial { get; init; } = [];

    /// <summary>True when the watcher was closed because it fell too far behind.</summary>
    public bool Overflowed { get; private set; }

    public ChannelReader<CacheEvent> Events => _events.Reader;

    /// <summary>Queues an event; closes the watcher instead of blocking when it is full.</summary>
    public void Offer(CacheEvent e)
    {
        if (Namespace is not null && e.Object.Key.Namespace != Namespace)
        {
            return;
        }

        if (!_events.Writer.TryWrite(e) && !Overflowed)
        {
            Overflowed = true;
            _events.Writer.TryComplete();
        }
    }

    public void Complete() => _events.Writer.TryComplete();

    public void Dispose()
    {
        _unsubscribe(this);
        _events.Writer.TryComplete();
    }
}
