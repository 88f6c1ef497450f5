using System.Threading.Channels;

namespace SuperKube.Storage;

/// <summary>
/// Fans committed changes out to live watch subscriptions, in commit order. Each subscription has its own unbounded
/// queue so a slow reader never blocks the writer; the watch cache is the only long-lived, heavy subscriber and keeps
/// up, while short-lived API watches are bounded by their clients' lifetimes.
/// </summary>
internal sealed class ChangeBroadcaster
{
    private readonly Lock _gate = new();
    private Subscription[] _subscriptions = [];
    private bool _completed;

    /// <summary>Starts receiving every change published from now on.</summary>
    public Subscription Subscribe()
    {
        var subscription = new Subscription(this);
        lock (_gate)
        {
            if (_completed)
            {
                subscription.Queue.Writer.TryComplete();
            }
            else
            {
                _subscriptions = [.. _subscriptions, subscription];
            }
        }

        return subscription;
    }

    /// <summary>Delivers changes, in the given order, to every current subscription.</summary>
    public void Publish(IReadOnlyList<StoredChange> changes)
    {
        // The lock keeps batches from two publishers from interleaving and orders them against Subscribe.
        lock (_gate)
        {
            foreach (var subscription in _subscriptions)
            {
                foreach (var change in changes)
                {
                    subscription.Queue.Writer.TryWrite(change);
                }
            }
        }
    }

    /// <summary>Ends every subscription, current and future (the store is shutting down).</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
            foreach (var subscription in _subscriptions)
            {
                subscription.Queue.Writer.TryComplete();
            }

            _subscriptions = [];
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate)
        {
            _subscriptions = Array.FindAll(_subscriptions, s => s != subscription);
        }

        subscription.Queue.Writer.TryComplete();
    }

    /// <summary>A live feed of changes; dispose it to stop receiving.</summary>
    public sealed class Subscription(ChangeBroadcaster owner) : IDisposable
    {
        internal Channel<StoredChange> Queue { get; } =
            Channel.CreateUnbounded<StoredChange>(new UnboundedChannelOptions { SingleReader = true });

        /// <summary>The changes published since the subscription started.</summary>
        public ChannelReader<StoredChange> Reader => Queue.Reader;

        public void Dispose() => owner.Remove(this);
    }
}
