using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SuperKube.Bootstrap;
using SuperKube.Diagnostics;
using SuperKube.Services;

namespace SuperKube.Storage.Postgres;

/// <summary>
/// Keeps this server's row in the <c>servers</c> table alive (identity, listening address, expiry by the database
/// clock), renewed every <see cref="PostgresLeaseOptions.RenewInterval"/> for <see cref="PostgresLeaseOptions.LeaseDuration"/>.
/// The live rows are the servers leases are spread over; a killed server drops out when its row expires, a stopped
/// one removes its row at once. The live rows' addresses are the <c>kubernetes</c> Service's endpoints.
/// </summary>
internal sealed partial class PostgresServerRecord(
    PostgresLeaseManager leases, IResourceStore store, IServiceProvider services, IOptions<ServiceNetworkOptions> network,
    ILogger<PostgresServerRecord> logger) : BackgroundService, IApiServerAddresses
{
    public TimeSpan RefreshInterval => leases.Options.RenewInterval;

    public async Task<IReadOnlyList<(string Address, int Port)>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await leases.RunAsync(PostgresQueries.ListLiveServerAddressesAsync, cancellationToken).ConfigureAwait(false);
        var servers = new List<(string Address, int Port)>(rows.Count);
        foreach (var row in rows)
        {
            var colon = row.LastIndexOf(':');
            if (colon > 0 && int.TryParse(row.AsSpan(colon + 1), System.Globalization.CultureInfo.InvariantCulture, out var port))
            {
                servers.Add((row[..colon], port));
            }
        }

        return servers;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = leases.Options;
        await store.InitializeAsync(stoppingToken).ConfigureAwait(false);
        var listening = await ListeningAddress.WaitAsync(services, network.Value.AdvertiseAddress, stoppingToken).ConfigureAwait(false);
        var address = listening is { } a ? $"{a.Address}:{a.Port}" : "";
        Log.Registering(logger, options.Identity, address);
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await leases.RunAsync(
                    (connection, ct) => PostgresQueries.RenewServerAsync(connection, options.Identity, address, options.LeaseDuration, ct),
                    stoppingToken).ConfigureAwait(false);
                failing = false;
            }
            catch (Exception ex) when (PostgresLeaseManager.IsTransient(ex))
            {
                if (!failing)
                {
                    Log.RenewFailed(logger, ex.Message);
                    failing = true;
                }
            }

            try
            {
                await Task.Delay(failing ? options.RetryInterval : options.RenewInterval, leases.Time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2), leases.Time);
            await leases.RunAsync(
                (connection, ct) => PostgresQueries.RemoveServerAsync(connection, options.Identity, ct),
                timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (PostgresLeaseManager.IsTransient(ex) || ex is OperationCanceledException)
        {
            // The row expires by itself.
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = SuperKubeEventIds.Storage + 115, Level = LogLevel.Information,
            Message = "Registered as server {Identity} at {Address} in the shared database")]
        public static partial void Registering(ILogger logger, string identity, string address);

        [LoggerMessage(EventId = SuperKubeEventIds.Storage + 116, Level = LogLevel.Warning,
            Message = "Could not renew this server's record: {Message}; retrying")]
        public static partial void RenewFailed(ILogger logger, string message);
    }
}
