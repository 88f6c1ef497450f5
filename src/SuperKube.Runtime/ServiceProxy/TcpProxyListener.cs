using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using SuperKube.Runtime.Diagnostics;

namespace SuperKube.Runtime.ServiceProxy;

/// <summary>
/// Listens on one TCP address and port and splices each accepted connection to an endpoint of its
/// <see cref="ProxyBackends"/>: socket to socket, one pooled buffer per direction, half-closes passed on. An endpoint
/// that refuses is skipped for that connection; with none left, the client's connection is closed.
/// </summary>
internal sealed partial class TcpProxyListener : IProxyListener
{
    /// <summary>Bytes per direction per connection, rented from the shared pool.</summary>
    internal const int BufferSize = 64 * 1024;

    private readonly ProxyBackends _backends;
    private readonly TimeSpan _connectTimeout;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Socket _listener;
    private readonly CancellationTokenSource _closing = new();
    private readonly ConcurrentDictionary<Socket, Socket?> _connections = new();
    private Task _accepting = Task.CompletedTask;

    public TcpProxyListener(IPEndPoint bind, ProxyBackends backends, TimeSpan connectTimeout, TimeProvider time, ILogger logger)
    {
        _backends = backends;
        _connectTimeout = connectTimeout;
        _time = time;
        _logger = logger;
        _listener = new Socket(bind.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            _listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            _listener.Bind(bind);
            _listener.Listen(512);
        }
        catch
        {
            _listener.Dispose();
            throw;
        }

        LocalEndPoint = (IPEndPoint)_listener.LocalEndPoint!; // bound above
    }

    public IPEndPoint LocalEndPoint { get; }

    public ProxyBackends Backends => _backends;

    /// <summary>Connections currently spliced.</summary>
    public int ActiveConnections => _connections.Count;

    public void Start() =>
        _accepting = SocketAcceptLoop.RunAsync(_listener, Accepted, error => Log.AcceptFailed(_logger, LocalEndPoint, error), _closing.Token);

    /// <summary>Stops accepting; connections already spliced run on until either side closes (or <paramref name="closeConnections"/>).</summary>
    public async ValueTask CloseAsync(bool closeConnections)
    {
        _listener.Dispose();
        await _closing.CancelAsync().ConfigureAwait(false);
        await _accepting.ConfigureAwait(false);
        if (closeConnections)
        {
            foreach (var (client, upstream) in _connections)
            {
                client.Dispose();
                upstream?.Dispose();
            }
        }
    }

    public ValueTask DisposeAsync() => CloseAsync(closeConnections: true);

    private void Accepted(Socket client)
    {
        client.NoDelay = true;
        _connections[client] = null;
        _ = SpliceAsync(client);
    }

    private async Task SpliceAsync(Socket client)
    {
        Socket? upstream = null;
        try
        {
            upstream = await ConnectAsync(((IPEndPoint)client.RemoteEndPoint!).Address).ConfigureAwait(false); // accepted sockets have a peer
            if (upstream is null)
            {
                return;
            }

            _connections[client] = upstream;
            await Task.WhenAll(PumpAsync(client, upstream), PumpAsync(upstream, client)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // The client went away before an endpoint answered.
        }
        finally
        {
            _connections.TryRemove(client, out _);
            client.Dispose();
            upstream?.Dispose();
        }
    }

    private async Task<Socket?> ConnectAsync(IPAddress client)
    {
        List<IPEndPoint>? failed = null;
        while (_backends.Pick(client, failed) is { } endpoint)
        {
            var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                using var timeout = new CancellationTokenSource(_connectTimeout, _time);
                await socket.ConnectAsync(endpoint, timeout.Token).ConfigureAwait(false);
                return socket;
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException)
            {
                socket.Dispose();
                Log.EndpointUnreachable(_logger, LocalEndPoint, endpoint, ex.Message);
                (failed ??= []).Add(endpoint);
            }
        }

        Log.NoEndpoint(_logger, LocalEndPoint);
        return null;
    }

    /// <summary>Copies one direction until end of stream, then half-closes the other side; an error aborts both.</summary>
    private static async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer.AsMemory(), SocketFlags.None).ConfigureAwait(false);
                if (read == 0)
                {
                    to.Shutdown(SocketShutdown.Send);
                    return;
                }

                var sent = 0;
                while (sent < read)
                {
                    sent += await to.SendAsync(buffer.AsMemory(sent, read - sent), SocketFlags.None).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            from.Dispose();
            to.Dispose();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(RuntimeEventIds.ServiceProxy + 10, LogLevel.Debug, "Proxy {Listener}: endpoint {Endpoint} unreachable ({Reason}); trying the next one")]
        public static partial void EndpointUnreachable(ILogger logger, IPEndPoint listener, IPEndPoint endpoint, string reason);

        [LoggerMessage(RuntimeEventIds.ServiceProxy + 11, LogLevel.Debug, "Proxy {Listener}: no reachable endpoint; connection closed")]
        public static partial void NoEndpoint(ILogger logger, IPEndPoint listener);

        [LoggerMessage(RuntimeEventIds.ServiceProxy + 12, LogLevel.Warning, "Proxy {Listener}: accept failed ({Error})")]
        public static partial void AcceptFailed(ILogger logger, IPEndPoint listener, SocketError error);
    }
}
