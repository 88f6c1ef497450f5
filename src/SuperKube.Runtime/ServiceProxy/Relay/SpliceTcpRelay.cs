using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using SuperKube.Runtime.Diagnostics;
using SuperKube.Splicing;

namespace SuperKube.Runtime.ServiceProxy.Relay;

/// <summary>
/// The zero-copy relay on Linux: each direction is spliced socket → pipe → socket inside the kernel
/// (<c>splice(2)</c>), driven by a small fixed set of <see cref="SpliceLoop"/> threads started on first use. Falls
/// back to the <see cref="CopyTcpRelay"/> for a connection when the kernel refuses to splice its sockets, when the
/// process is out of descriptors for the pipes, or beyond <see cref="MaxConnections"/>.
/// </summary>
internal sealed partial class SpliceTcpRelay(ILogger logger, int loopCount = 0) : ITcpRelay
{
    /// <summary>Connections spliced at once at most (each holds two pipes, four descriptors); more are copied.</summary>
    public const int MaxConnections = 4096;

    private readonly CopyTcpRelay _copy = new();
    private readonly Lock _lock = new();
    private SpliceLoop[]? _loops;
    private bool _unavailable;
    private bool _disposed;
    private int _active;

    /// <summary>Linux on x86-64 or arm64, the layouts <see cref="Libc"/> and <see cref="EpollEvents"/> know.</summary>
    public static bool IsSupported => Libc.IsSupported;

    public string Name => "splice";

    /// <summary>Connections spliced now.</summary>
    public int Active => Volatile.Read(ref _active);

    public async Task RelayAsync(Socket client, Socket upstream, CancellationToken cancellationToken)
    {
        if (await TrySpliceAsync(client, upstream, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await _copy.RelayAsync(client, upstream, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        SpliceLoop[]? loops;
        lock (_lock)
        {
            _disposed = true;
            loops = _loops;
        }

        foreach (var loop in loops ?? [])
        {
            loop.Dispose();
        }
    }

    /// <summary>Splices the connection to its end; false, with the sockets untouched by I/O, when it must be copied instead.</summary>
    private async Task<bool> TrySpliceAsync(Socket client, Socket upstream, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _active) > MaxConnections || Loops() is not { } loops)
        {
            Interlocked.Decrement(ref _active);
            return false;
        }

        try
        {
            if (SplicedConnection.TryCreate(client, upstream) is not { } connection)
            {
                Log.OutOfDescriptors(logger);
                return false;
            }

            var loop = loops.MinBy(l => l.Count)!; // never empty
            loop.Add(connection);
            SpliceOutcome outcome;
            using (cancellationToken.Register(() => loop.Abort(connection)))
            {
                outcome = await connection.Completion.ConfigureAwait(false);
            }

            if (outcome != SpliceOutcome.Unsupported)
            {
                return true;
            }

            Log.Unsupported(logger, client.RemoteEndPoint, upstream.RemoteEndPoint);
            return false;
        }
        finally
        {
            Interlocked.Decrement(ref _active);
        }
    }

    private SpliceLoop[]? Loops()
    {
        lock (_lock)
        {
            if (_loops is not null || _unavailable || _disposed)
            {
                return _disposed ? null : _loops;
            }

            var count = loopCount > 0 ? loopCount : Math.Clamp(Environment.ProcessorCount / 2, 1, 4);
            var loops = new List<SpliceLoop>();
            try
            {
                for (var i = 0; i < count; i++)
                {
                    loops.Add(new SpliceLoop($"splice relay {i + 1}"));
                }
            }
            catch (Exception ex) when (ex is IOException or DllNotFoundException or EntryPointNotFoundException)
            {
                loops.ForEach(l => l.Dispose());
                _unavailable = true;
                Log.LoopsUnavailable(logger, ex.Message);
                return null;
            }

            _loops = [.. loops];
            Log.LoopsStarted(logger, count);
            return _loops;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(RuntimeEventIds.ServiceProxy + 40, LogLevel.Information, "TCP relay: zero-copy splice(2) on {Threads} thread(s)")]
        public static partial void LoopsStarted(ILogger logger, int threads);

        [LoggerMessage(RuntimeEventIds.ServiceProxy + 41, LogLevel.Warning, "TCP relay: splice(2) unavailable ({Reason}); copying in user space")]
        public static partial void LoopsUnavailable(ILogger logger, string reason);

        [LoggerMessage(RuntimeEventIds.ServiceProxy + 42, LogLevel.Debug, "TCP relay: the kernel refused to splice {Client} to {Upstream}; copying this connection in user space")]
        public static partial void Unsupported(ILogger logger, System.Net.EndPoint? client, System.Net.EndPoint? upstream);

        [LoggerMessage(RuntimeEventIds.ServiceProxy + 43, LogLevel.Debug, "TCP relay: no descriptors left for splice pipes; copying this connection in user space")]
        public static partial void OutOfDescriptors(ILogger logger);
    }
}
