using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using SuperKube.Controllers;
using SuperKube.Diagnostics;

namespace SuperKube.Storage.Postgres;

/// <summary>
/// Leases shared by every server on one PostgreSQL database. Acquiring and renewing are one statement each, judged
/// by the database clock (<see cref="PostgresQueries.TryAcquireLeaseAsync"/>); a held lease renews itself
/// (<see cref="PostgresLease"/>) and is lost the moment the holder cannot prove it renewed in time. Leases spread
/// over the live servers: a server at its fair share leaves free leases to the others, and a server above it hands
/// one back now and then.
/// </summary>
internal sealed partial class PostgresLeaseManager : ILeaseManager, IAsyncDisposable
{
    private readonly IResourceStore _store;
    private readonly NpgsqlDataSource _dataSource;
    private readonly Lock _gate = new();
    private long _lastYield;

    public PostgresLeaseManager(
        IResourceStore store, IOptions<PostgresStorageOptions> storage, IOptions<PostgresLeaseOptions> options, LeaseObjectMirror mirror,
        TimeProvider time, ILogger<PostgresLeaseManager> logger)
    {
        _store = store;
        Options = options.Value;
        Mirror = mirror;
        Time = time;
        Logger = logger;

        // A pool of its own: renewals never queue behind a burst of writes for a connection.
        _dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(storage.Value.ConnectionString) { MaxPoolSize = 4 }.ConnectionString);
    }

    public PostgresLeaseOptions Options { get; }

    public LeaseObjectMirror Mirror { get; }

    public TimeProvider Time { get; }

    public ILogger Logger { get; }

    public async ValueTask<ILease> AcquireAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);

        // The store's start applies the migrations, which create the leases table.
        await _store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        var waiting = false;
        while (true)
        {
            var sent = Time.GetTimestamp();
            try
            {
                var record = await RunAsync(
                    (connection, ct) => PostgresQueries.TryAcquireLeaseAsync(connection, name, Options.Identity, Options.LeaseDuration, ct),
                    cancellationToken).ConfigureAwait(false);
                if (record is not null)
                {
                    Log.Acquired(Logger, name, Options.Identity, record.Transitions);
                    return new PostgresLease(this, name, record, sent);
                }

                if (!waiting)
                {
                    Log.Waiting(Logger, name);
                    waiting = true;
                }
            }
            catch (Exception ex) when (IsTransient(ex) && !cancellationToken.IsCancellationRequested)
            {
                Log.AcquireFailed(Logger, name, ex.Message);
            }

            await Task.Delay(Options.RetryInterval, Time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs one statement on a pooled connection of the lease pool.</summary>
    public async Task<T> RunAsync<T>(Func<NpgsqlConnection, CancellationToken, Task<T>> statement, CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await statement(connection, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs one statement without a result on a pooled connection of the lease pool.</summary>
    public Task RunAsync(Func<NpgsqlConnection, CancellationToken, Task> statement, CancellationToken cancellationToken) =>
        RunAsync(
            async (connection, ct) =>
            {
                await statement(connection, ct).ConfigureAwait(false);
                return true;
            },
            cancellationToken);

    /// <summary>
    /// Whether a lease held above the fair share may be handed back now: at most one per <see cref="PostgresLeaseOptions.RetryInterval"/>
    /// per server, so the others have time to take each before the share is judged again.
    /// </summary>
    public bool TryYield()
    {
        lock (_gate)
        {
            var now = Time.GetTimestamp();
            if (_lastYield != 0 && Time.GetElapsedTime(_lastYield, now) < Options.RetryInterval)
            {
                return false;
            }

            _lastYield = now;
            return true;
        }
    }

    /// <summary>Connection failures, timeouts and server errors (the database restarting): worth another try.</summary>
    public static bool IsTransient(Exception exception) => exception is NpgsqlException or TimeoutException or SocketException;

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static partial class Log
    {
        [LoggerMessage(EventId = SuperKubeEventIds.Storage + 110, Level = LogLevel.Information,
            Message = "Acquired lease {Lease} as {Holder} (transitions: {Transitions})")]
        public static partial void Acquired(ILogger logger, string lease, string holder, int transitions);

        [LoggerMessage(EventId = SuperKubeEventIds.Storage + 111, Level = LogLevel.Information,
            Message = "Lease {Lease} is held by another server (or left to one below its share); trying again until it is free")]
        public static partial void Waiting(ILogger logger, string lease);

        [LoggerMessage(EventId = SuperKubeEventIds.Storage + 112, Level = LogLevel.Warning,
            Message = "Could not try to acquire lease {Lease}: {Message}; trying again")]
        public static partial void AcquireFailed(ILogger logger, string lease, string message);
    }
}
