using Microsoft.Extensions.Logging;
using SuperKube.Controllers;
using SuperKube.Diagnostics;

namespace SuperKube.Storage.Postgres;

/// <summary>
/// A lease held on PostgreSQL, renewed every <see cref="PostgresLeaseOptions.RenewInterval"/>. Fencing: the holder
/// measures the lease on its own monotonic clock from the moment it <em>sent</em> the last successful acquire or renew
/// statement (the database stamped the expiry later, so the local deadline always comes first), and cancels
/// <see cref="Lost"/> a tenth of the lease duration before that deadline unless a renewal succeeded, whether or not the
/// database is reachable: the margin absorbs a late timer or a busy machine, so the loop has stopped before any other
/// server can take the lease.
/// </summary>
internal sealed partial class PostgresLease : ILease
{
    private const string Released = "released";
    private static readonly TimeSpan ReleaseTimeout = TimeSpan.FromSeconds(2);

    private readonly PostgresLeaseManager _manager;
    private readonly CancellationTokenSource _lost;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewing;
    private string? _reason;

    public PostgresLease(PostgresLeaseManager manager, string name, LeaseRecord acquired, long sentTimestamp)
    {
        _manager = manager;
        Name = name;
        _lost = new CancellationTokenSource(Remaining(sentTimestamp), manager.Time);
        _lost.Token.Register(() =>
        {
            if (_reason != Released)
            {
                Log.Lost(manager.Logger, name, _reason ?? $"not renewed within {manager.Options.LeaseDuration.TotalSeconds:0.###} s");
            }
        });
        _renewing = Task.Run(() => RenewAsync(acquired));
    }

    public string Name { get; }

    public CancellationToken Lost => _lost.Token;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _renewing.ConfigureAwait(false);
        _reason ??= Released;
        using (var timeout = new CancellationTokenSource(ReleaseTimeout, _manager.Time))
        {
            try
            {
                await _manager.RunAsync(
                    (connection, ct) => PostgresQueries.ReleaseLeaseAsync(connection, Name, _manager.Options.Identity, ct),
                    timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (PostgresLeaseManager.IsTransient(ex) || ex is OperationCanceledException)
            {
                // It expires by itself within the lease duration.
            }
        }

        await _lost.CancelAsync().ConfigureAwait(false);
        _lost.Dispose();
        _stop.Dispose();
    }

    /// <summary>The renewal loop; anything unexpected ends the lease rather than leaving it unrenewed but unlost.</summary>
    private async Task RenewAsync(LeaseRecord acquired)
    {
        try
        {
            await RenewLoopAsync(acquired).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await LoseAsync("renewal failed: " + ex.Message).ConfigureAwait(false);
        }
    }

    private async Task RenewLoopAsync(LeaseRecord acquired)
    {
        var options = _manager.Options;
        using var running = CancellationTokenSource.CreateLinkedTokenSource(_lost.Token, _stop.Token);
        var token = running.Token;
        await MirrorAsync(acquired, token).ConfigureAwait(false);
        var delay = options.RenewInterval;
        while (!token.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(delay, _manager.Time, token).ConfigureAwait(false);
                var sent = _manager.Time.GetTimestamp();
                var renewed = await _manager.RunAsync(
                    (connection, ct) => PostgresQueries.RenewLeaseAsync(connection, Name, options.Identity, options.LeaseDuration, ct),
                    token).ConfigureAwait(false);
                if (renewed is null)
                {
                    await LoseAsync("another server holds it now").ConfigureAwait(false);
                    return;
                }

                _lost.CancelAfter(Remaining(sent));
                delay = options.RenewInterval;
                await MirrorAsync(renewed, token).ConfigureAwait(false);
                if (renewed.OverShare && _manager.TryYield())
                {
                    await _manager.RunAsync(
                        (connection, ct) => PostgresQueries.ReleaseLeaseAsync(connection, Name, options.Identity, ct),
                        token).ConfigureAwait(false);
                    await LoseAsync("this server holds more than its share; handed it to another").ConfigureAwait(false);
                    return;
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (PostgresLeaseManager.IsTransient(ex))
            {
                Log.RenewFailed(_manager.Logger, Name, ex.Message);
                delay = options.RetryInterval;
            }
        }
    }

    private Task LoseAsync(string reason)
    {
        _reason = reason;
        return _lost.CancelAsync();
    }

    private Task MirrorAsync(LeaseRecord record, CancellationToken cancellationToken) =>
        _manager.Mirror.WriteAsync(
            Name, _manager.Options.Identity, _manager.Options.LeaseDuration, record.AcquireTime, record.RenewTime, record.Transitions,
            cancellationToken);

    /// <summary>
    /// How long the loop may still run on a lease whose statement was sent at <paramref name="sentTimestamp"/>, by the
    /// local monotonic clock: the lease duration less <see cref="PostgresLeaseOptions.FenceMargin"/>.
    /// </summary>
    private TimeSpan Remaining(long sentTimestamp)
    {
        var options = _manager.Options;
        var left = options.LeaseDuration - options.FenceMargin - _manager.Time.GetElapsedTime(sentTimestamp);
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = SuperKubeEventIds.Storage + 113, Level = LogLevel.Warning,
            Message = "Could not renew lease {Lease}: {Message}; retrying until it ends")]
        public static partial void RenewFailed(ILogger logger, string lease, string message);

        [LoggerMessage(EventId = SuperKubeEventIds.Storage + 114, Level = LogLevel.Warning,
            Message = "Lease {Lease} ended ({Reason}); its loop stops now")]
        public static partial void Lost(ILogger logger, string lease, string reason);
    }
}
