using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using SuperKube.Runtime.Diagnostics;
using SuperKube.Runtime.ServiceProxy.Relay;

namespace SuperKube.Runtime.ServiceProxy;

/// <summary>
/// Listens on one TCP address and port and joins each accepted connection to an endpoint of its
/// <see cref="ProxyBackends"/> through the node's <see cref="ITcpRelay"/>, half-closes passed on. An endpoint that
/// refuses is skipped for that connection; with none left, the client's connection is closed.
/// </summary>
internal sealed partial class TcpProxyListener : IProxyListener
{
    private readonly ProxyBackends _backends;
    private readonly ITcpRelay _relay;
    private readonly TimeSpan _connectTimeout;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Socket _listener;
    private readonly CancellationTokenSource _closing = new();
    private readonly CancellationTokenSource _aborting = new();
    private readonly ConcurrentDictionary<Socket, Task?> _connections = new();
    private Task _accepting = Task.CompletedTask;

    public TcpProxyListener(IPEndPoint bind, ProxyBackends backends, ITcpRelay relay, TimeSpan connectTimeout, TimeProvider time, ILogger logger)
    {
        _backends = backends;
        _relay = relay;
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

    /// <summary>Connections currently relayed (or connecting to an endpoint).</summary>
    public int ActiveConnections => _connections.Count;

    public void Start() =>
        _accepting = SocketAcceptLoop.RunAsync(_listener, Accepted, error => Log.AcceptFailed(_logger, LocalEndPoint, error), _closing.Token);

    /// <summary>
    /// Stops accepting; connections already relayed run on until either side closes, or with
    /// <paramref name="closeConnections"/> are aborted and closed before this completes.
    /// </summary>
    public async ValueTask CloseAsync(bool closeConnections)
    {
        _listener.Dispose();
        await _closing.CancelAsync().ConfigureAwait(false);
        await _accepting.ConfigureAwait(false);
        if (closeConnections)
        {
            await _aborting.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(_connections.Values.OfType<Task>()).ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync() => CloseAsync(closeConnections: true);

    private void Accepted(Socket client)
    {
        client.NoDelay = true;
        _connections[client] = null;
        var relaying = RelayAsync(client);
        _connections.TryUpdate(client, relaying, null); // fails only when it already ended and left
    }

    /// <summary>Connects to an endpoint and relays until both sides are done; never throws.</summary>
    private async Task RelayAsync(Socket client)
    {
        Socket? upstream = null;
        try
        {
            upstream = await ConnectAsync(((IPEndPoint)client.RemoteEndPoint!).Address).ConfigureAwait(false); // accepted sockets have a peer
            if (upstream is null)
            {
                return;
            }

            await _relay.RelayAsync(client, upstream, _aborting.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The client went away, or the listener closed, before an endpoint answered.
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
                using var either = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, _aborting.Token);
                await socket.ConnectAsync(endpoint, either.Token).ConfigureAwait(false);
                return socket;
            }
            catch (OperationCanceledException) when (_aborting.IsCancellationRequested)
            {
                socket.Dispose();
                throw;
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
