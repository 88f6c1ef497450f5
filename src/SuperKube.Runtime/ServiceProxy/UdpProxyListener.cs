using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using SuperKube.Runtime.Diagnostics;

namespace SuperKube.Runtime.ServiceProxy;

/// <summary>
/// Listens on one UDP address and port. Each client address and port is a session with its own socket connected to the
/// endpoint picked for it: datagrams from the client go out on that socket, replies come back from the listening
/// socket. Sessions idle for <c>idleTimeout</c> are closed (as conntrack forgets UDP flows).
/// </summary>
internal sealed partial class UdpProxyListener : IProxyListener
{
    private const int MaxDatagram = 65_536;

    private readonly ProxyBackends _backends;
    private readonly TimeSpan _idleTimeout;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Socket _socket;
    private readonly CancellationTokenSource _closing = new();
    private readonly ConcurrentDictionary<IPEndPoint, Session> _sessions = new();
    private readonly ITimer _sweeper;
    private Task _receiving = Task.CompletedTask;

    public UdpProxyListener(IPEndPoint bind, ProxyBackends backends, TimeSpan idleTimeout, TimeProvider time, ILogger logger)
    {
        _backends = backends;
        _idleTimeout = idleTimeout;
        _time = time;
        _logger = logger;
        _socket = new Socket(bind.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            _socket.Bind(bind);
        }
        catch
        {
            _socket.Dispose();
            throw;
        }

        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!; // bound above
        _sweeper = time.CreateTimer(_ => Sweep(), null, idleTimeout, idleTimeout);
    }

    public IPEndPoint LocalEndPoint { get; }

    public ProxyBackends Backends => _backends;

    public int Sessions => _sessions.Count;

    public void Start() => _receiving = ReceiveLoopAsync(_closing.Token);

    public async ValueTask CloseAsync(bool closeConnections)
    {
        await _sweeper.DisposeAsync().ConfigureAwait(false);
        _socket.Dispose();
        await _closing.CancelAsync().ConfigureAwait(false);
        await _receiving.ConfigureAwait(false);
        foreach (var session in _sessions.Values)
        {
            session.Upstream.Dispose();
        }
    }

    public ValueTask DisposeAsync() => CloseAsync(closeConnections: true);

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxDatagram];
        EndPoint any = new IPEndPoint(LocalEndPoint.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!cancellationToken.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException || cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                continue; // an ICMP error for an earlier reply; the socket stays usable
            }

            var client = (IPEndPoint)received.RemoteEndPoint;
            var session = _sessions.TryGetValue(client, out var known) ? known : Open(client, cancellationToken);
            if (session is null)
            {
                continue;
            }

            session.LastUsed = _time.GetTimestamp();
            try
            {
                await session.Upstream.SendAsync(buffer.AsMemory(0, received.ReceivedBytes), SocketFlags.None, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                End(client, session);
            }
        }
    }

    private Session? Open(IPEndPoint client, CancellationToken cancellationToken)
    {
        if (_backends.Pick(client.Address) is not { } endpoint)
        {
            Log.NoEndpoint(_logger, LocalEndPoint, client);
            return null;
        }

        var upstream = new Socket(endpoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        upstream.Connect(endpoint);
        var session = new Session(upstream) { LastUsed = _time.GetTimestamp() };
        _sessions[client] = session;
        _ = RelayRepliesAsync(client, session, cancellationToken);
        return session;
    }

    private async Task RelayRepliesAsync(IPEndPoint client, Session session, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxDatagram];
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var read = await session.Upstream.ReceiveAsync(buffer, SocketFlags.None, cancellationToken).ConfigureAwait(false);
                session.LastUsed = _time.GetTimestamp();
                await _socket.SendToAsync(buffer.AsMemory(0, read), SocketFlags.None, client, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            End(client, session);
        }
    }

    private void Sweep()
    {
        var now = _time.GetTimestamp();
        foreach (var (client, session) in _sessions)
        {
            if (_time.GetElapsedTime(session.LastUsed, now) >= _idleTimeout)
            {
                End(client, session);
            }
        }
    }

    private void End(IPEndPoint client, Session session)
    {
        _sessions.TryRemove(new KeyValuePair<IPEndPoint, Session>(client, session));
        session.Upstream.Dispose();
    }

    private sealed class Session(Socket upstream)
    {
        public Socket Upstream { get; } = upstream;

        public long LastUsed { get; set; }
    }

    private static partial class Log
    {
        [LoggerMessage(RuntimeEventIds.ServiceProxy + 20, LogLevel.Debug, "Proxy {Listener}: no endpoint for a datagram from {Client}; dropped")]
        public static partial void NoEndpoint(ILogger logger, IPEndPoint listener, IPEndPoint client);
    }
}
