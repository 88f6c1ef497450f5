using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SuperKube.Storage;

/// <summary>
/// Trims the change log periodically, keeping the newest <see cref="ICompactionSettings.RetainedRevisions"/>
/// revisions watchable.
/// </summary>
internal sealed partial class CompactionService(
    IResourceStore store,
    ICompactionSettings settings,
    TimeProvider timeProvider,
    ILogger<CompactionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = settings.CompactionInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, timeProvider, stoppingToken).ConfigureAwait(false);
                await CompactOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.CompactionFailed(logger, ex);
            }
        }
    }

    /// <summary>Compacts through CurrentRevision - RetainedRevisions when that is past the compacted revision.</summary>
    internal async Task CompactOnceAsync(CancellationToken cancellationToken)
    {
        var target = store.CurrentRevision - settings.RetainedRevisions;
        if (target <= 0 || target <= store.CompactedRevision)
        {
            return;
        }

        await store.CompactAsync(target, cancellationToken).ConfigureAwait(false);
        Log.Compacted(logger, store.CompactedRevision);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2010, Level = LogLevel.Debug, Message = "Compacted the change log through revision {Revision}")]
        public static partial void Compacted(ILogger logger, long revision);

        [LoggerMessage(EventId = 2011, Level = LogLevel.Warning, Message = "Compacting the change log failed; retrying at the next interval")]
        public static partial void CompactionFailed(ILogger logger, Exception exception);
    }
}
