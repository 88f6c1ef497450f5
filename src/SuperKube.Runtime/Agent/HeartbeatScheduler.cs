using Microsoft.Extensions.Logging;
using SuperKube.Runtime.Diagnostics;

namespace SuperKube.Runtime.Agent;

/// <summary>
/// One timer wheel for the heartbeats of every node in the process: a single loop ticks once a second and runs the
/// beats whose slot comes up, so N nodes cost one timer and their lease renewals spread evenly over the interval.
/// </summary>
internal sealed partial class HeartbeatScheduler(TimeProvider time, ILogger<HeartbeatScheduler> logger) : IAsyncDisposable
{
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private readonly List<Registration> _registrations = [];
    private readonly CancellationTokenSource _stopping = new();
    private Task? _loop;
    private long _tick;
    private int _nextSlot;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _registrations.Count;
            }
        }
    }

    /// <summary>Runs <paramref name="beat"/> every <paramref name="interval"/> (rounded to whole ticks) until the returned handle is disposed.</summary>
    public IDisposable Register(Func<CancellationToken, Task> beat, TimeSpan interval, bool startLoop = true)
    {
        var every = Math.Max(1, (int)Math.Round(interval / Tick));
        Registration registration;
        lock (_lock)
        {
            registration = new Registration(this, beat, every, _nextSlot++ % every);
            _registrations.Add(registration);
            if (startLoop)
            {
                _loop ??= RunAsync(_stopping.Token);
            }
        }

        return registration;
    }

    /// <summary>Advances the wheel by one tick and runs the beats due in it (the loop calls this; tests may too).</summary>
    public async Task TickAsync(CancellationToken cancellationToken)
    {
        Registration[] due;
        lock (_lock)
        {
            var tick = _tick++;
            due = [.. _registrations.Where(r => tick % r.Every == r.Slot)];
        }

        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (r, ct) =>
        {
            try
            {
                await r.Beat(ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.BeatFailed(logger, ex);
            }
        }).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            try
            {
                await _loop.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopped.
            }
        }

        _stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(Tick, time, cancellationToken).ConfigureAwait(false);
            await TickAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private void Remove(Registration registration)
    {
        lock (_lock)
        {
            _registrations.Remove(registration);
        }
    }

    private sealed class Registration(HeartbeatScheduler owner, Func<CancellationToken, Task> beat, int every, int slot) : IDisposable
    {
        public Func<CancellationToken, Task> Beat { get; } = beat;

        public int Every { get; } = every;

        public int Slot { get; } = slot;

        public void Dispose() => owner.Remove(this);
    }

    private static partial class Log
    {
        [LoggerMessage(RuntimeEventIds.Heartbeat, LogLevel.Warning, "A node heartbeat failed; it is retried on the next interval")]
        public static partial void BeatFailed(ILogger logger, Exception exception);
    }
}
