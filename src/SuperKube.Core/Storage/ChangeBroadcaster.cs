using System.Threading.Channels;

namespace SuperKube.Storage;

/// <summary>
/// Fans committed changes out to live watch subscriptions, in commit order, one item per published batch. Each
/// subscription has its own unbounded queue so a slow reader never blocks the writer; the watch cache is the only
/// long-lived, heavy subscriber and keeps up, while short-lived API watches are bounded by their clients' lifetimes.
/// </summary>
/// <remarks>
/// A subscription made with <c>deliverInline</c> runs its waiting reader's continuation on the publishing thread: a
/// reader that is waiting when a batch is published handles the whole batch before <see cref="Publish"/> returns. The
/// watch cache subscribes that way, so a writer that publishes and then completes its callers finds the cache already
/// holding their revisions (no second wake-up per request to wait for the cache), and the batch costs no hand-off to
/// the cache's own thread either.
/// </remarks>
internal sealed class ChangeBroadcaster
{
    private readonly Lock _gate = new();
    private Subscription[] _subscriptions = [];
    private bool _completed;

    /// <summary>Starts receiving every change published from now on.</summary>
    /// <param name="deliverInline">Run the waiting reader on the publishing thread (see the remarks of the class); its
    /// loop must then be short and never block.</param>
    public Subscription Subscribe(bool deliverInline = false)
    {
        var subscription = new Subscription(this, deliverInline);
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
    /// <remarks>The list is shared by every subscription; the caller must not change it afterwards.</remarks>
    public void Publish(IReadOnlyList<StoredChange> changes)
    {
        if (changes.Count == 0)
        {
            return;
        }

        // The lock keeps batches from two publishers from interleaving and orders them against Subscribe.
        lock (_gate)
        {
            foreach (var subscription in _subscriptions)
            {
                subscription.Queue.Writer.TryWrite(changes);
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
    public sealed class Subscription(ChangeBroadcaster owner, bool deliverInline) : IDisposable
    {
        internal Channel<IReadOnlyList<StoredChange>> Queue { get; } = Channel.CreateUnbounded<IReadOnlyList<StoredChange>>(
            new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = deliverInline });

        /// <summary>The batches published since the subscription started, each in revision order.</summary>
        public ChannelReader<IReadOnlyList<StoredChange>> Reader => Queue.Reader;

        public void Dispose() => owner.Remove(this);
    }
}
