using System.Runtime.CompilerServices;

namespace SuperKube.Storage;

/// <summary>The watch loop every backend shares: replay the change log, then follow live commits without gaps.</summary>
internal static class WatchStream
{
    /// <summary>
    /// Replays the change log after <paramref name="afterRevision"/>, then follows <paramref name="broadcaster"/>. The
    /// live subscription starts before the log is read, so every commit is either in the log read or in the
    /// subscription (or both: duplicates are skipped by revision); a gap in the live feed is filled from the log.
    /// </summary>
    /// <param name="broadcaster">The store's live feed, publishing in revision order.</param>
    /// <param name="readHistory">Reads changes with after &lt; revision &lt;= upTo in order; throws
    /// <see cref="RevisionCompactedException"/> when "after" was compacted.</param>
    /// <param name="afterRevision">The revision the watch starts after.</param>
    /// <param name="cancellationToken">Ends the watch.</param>
    public static async IAsyncEnumerable<StoredChange> FollowAsync(
        ChangeBroadcaster broadcaster,
        Func<long, long, CancellationToken, IAsyncEnumerable<StoredChange>> readHistory,
        long afterRevision,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var live = broadcaster.Subscribe();
        var last = afterRevision;
        await foreach (var change in readHistory(last, long.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            yield return change;
            last = change.Revision;
        }

        await foreach (var change in live.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (change.Revision <= last)
            {
                continue;
            }

            // A single-writer store never leaves a gap here; a shared database can if the feed had to skip ahead.
            await foreach (var missed in readHistory(last, change.Revision - 1, cancellationToken).ConfigureAwait(false))
            {
                yield return missed;
                last = missed.Revision;
            }

            yield return change;
            last = change.Revision;
        }
    }
}
