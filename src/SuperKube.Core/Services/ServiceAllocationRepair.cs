using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SuperKube.Diagnostics;
using SuperKube.Objects;
using SuperKube.Storage;
using SuperKube.WatchCache;

namespace SuperKube.Services;

/// <summary>
/// Releases allocations: at once when their Service is deleted, and after a grace period when no Service holds
/// them (a create that failed after reserving, a port removed by an update). Every server runs it; releases are
/// conditional deletes, so servers sharing a database do not get in each other's way.
/// </summary>
internal sealed partial class ServiceAllocationRepair(
    ServiceAllocator allocator, ResourceWatchCache cache, IOptions<ServiceNetworkOptions> options, TimeProvider time,
    ILogger<ServiceAllocationRepair> logger) : BackgroundService
{
    private const string ServicesKey = "/services";

    private CacheWatcher? _watcher;

    /// <summary>Subscribes before the host finishes starting, so no deletion right after start is missed.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (cache.IsReady)
        {
            _watcher = cache.For(ServicesKey).Watch(null, cache.Revision);
        }

        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _watcher?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await cache.Ready.WaitAsync(stoppingToken).ConfigureAwait(false);
        var tickEvery = TimeSpan.FromTicks(Math.Max(options.Value.OrphanGracePeriod.Ticks / 2, TimeSpan.TicksPerSecond));
        while (!stoppingToken.IsCancellationRequested)
        {
            var watcher = Interlocked.Exchange(ref _watcher, null) ?? cache.For(ServicesKey).Watch(null, null);
            try
            {
                await SweepAsync(stoppingToken).ConfigureAwait(false);
                while (!watcher.Overflowed)
                {
                    using var tick = new CancellationTokenSource(tickEvery, time);
                    using var wait = CancellationTokenSource.CreateLinkedTokenSource(tick.Token, stoppingToken);
                    try
                    {
                        var e = await watcher.Events.ReadAsync(wait.Token).ConfigureAwait(false);
                        if (e.Type == ChangeType.Deleted)
                        {
                            await ReleaseOwnedAsync(ObjectMetadata.Uid(e.Object.Parse()), stoppingToken).ConfigureAwait(false);
                        }
                    }
                    catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                    {
                        await SweepAsync(stoppingToken).ConfigureAwait(false);
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.RepairFailed(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(5), time, stoppingToken).ConfigureAwait(false);
            }
            finally
            {
                watcher.Dispose();
            }
        }
    }

    /// <summary>Releases every allocation no live Service holds and that is older than the grace period.</summary>
    internal async Task SweepAsync(CancellationToken cancellationToken)
    {
        var holdings = new Dictionary<string, (HashSet<string> ClusterIps, HashSet<string> NodePorts)>(StringComparer.Ordinal);
        foreach (var service in cache.For(ServicesKey).List(null))
        {
            var json = service.Parse();
            holdings[ObjectMetadata.Uid(json)] = ServiceAllocator.Holdings(json);
        }

        var cutoff = time.GetUtcNow() - options.Value.OrphanGracePeriod;
        foreach (var (pool, clusterIps) in new[] { (allocator.ClusterIps, true), (allocator.NodePorts, false) })
        {
            foreach (var (record, owner, created) in pool.Records().ToList())
            {
                var held = holdings.TryGetValue(owner.Uid, out var h) && (clusterIps ? h.ClusterIps : h.NodePorts).Contains(record.Key.Name);
                if (!held && created < cutoff)
                {
                    Log.Released(logger, pool.StorageKey, record.Key.Name, owner.Namespace, owner.Name);
                    await pool.ReleaseAsync(record, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    private async Task ReleaseOwnedAsync(string uid, CancellationToken cancellationToken)
    {
        foreach (var pool in new[] { allocator.ClusterIps, allocator.NodePorts })
        {
            foreach (var (record, _, _) in pool.Records().Where(r => r.Owner.Uid == uid).ToList())
            {
                await pool.ReleaseAsync(record, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = SuperKubeEventIds.Api + 950, Level = LogLevel.Warning, Message = "Service allocation repair failed; retrying")]
        public static partial void RepairFailed(ILogger logger, Exception exception);

        [LoggerMessage(EventId = SuperKubeEventIds.Api + 951, Level = LogLevel.Information,
            Message = "Released {Pool} {Value} held for {Namespace}/{Name}, which no Service uses")]
        public static partial void Released(ILogger logger, string pool, string value, string @namespace, string name);
    }
}
