namespace SuperKube.Controllers.WorkQueues;

/// <summary>
/// A work queue with client-go's semantics: an item queued twice is processed once (deduplicated while queued); an
/// item is never handed to two workers at once (an add while it is processed re-queues it after <see cref="Done"/>);
/// delayed adds; rate-limited retries with exponential per-item backoff.
/// </summary>
/// <typeparam name="TKey">The item type; equal items are the same piece of work.</typeparam>
public interface IWorkQueue<TKey>
    where TKey : notnull
{
    /// <summary>Items waiting to be handed out (not counting delayed ones or those being processed).</summary>
    int Count { get; }

    /// <summary>True once <see cref="ShutDown"/> was called.</summary>
    bool IsShuttingDown { get; }

    /// <summary>Queues an item unless it is already queued; ignored after shutdown.</summary>
    void Add(TKey item);

    /// <summary>Queues an item after a delay; an earlier pending delay for the same item wins.</summary>
    void AddAfter(TKey item, TimeSpan delay);

    /// <summary>Queues an item after its backoff: the base delay doubled per earlier retry, up to the maximum.</summary>
    void AddRateLimited(TKey item);

    /// <summary>Clears an item's retry history (call it when processing succeeded).</summary>
    void Forget(TKey item);

    /// <summary>How many times the item was added rate-limited since it was last forgotten.</summary>
    int NumRequeues(TKey item);

    /// <summary>
    /// Waits for the next item and marks it as being processed; call <see cref="Done"/> when finished. Returns
    /// <c>Shutdown = true</c> once the queue is shut down and empty.
    /// </summary>
    ValueTask<(TKey Item, bool Shutdown)> GetAsync(CancellationToken cancellationToken);

    /// <summary>Marks an item as processed; when it was added again meanwhile, it is queued now.</summary>
    void Done(TKey item);

    /// <summary>Stops accepting items; waiting <see cref="GetAsync"/> calls return once the queue is empty.</summary>
    void ShutDown();
}
