using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using SuperKube.Runtime.Diagnostics;
using SuperKube.Runtime.ServiceProxy;

namespace SuperKube.Runtime.Dns;

/// <summary>
/// The node's DNS server: UDP and TCP (two-byte length prefix, RFC 1035 section 4.2.2) on one address and port.
/// Cluster names are answered by the <see cref="ClusterDnsResolver"/> (authoritative); other names go to the host's
/// resolvers when forwarding is on, else REFUSED. UDP replies over 512 bytes are truncated so clients retry on TCP.
/// </summary>
internal sealed partial class ClusterDnsServer : IAsyncDisposable
{
    private static readonly TimeSpan TcpIdle = TimeSpan.FromSeconds(10);

    private readonly ClusterDnsResolver _resolver;
    private readonly HostResolvers? _forward;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Socket _udp;
    private readonly Socket _tcp;
    private readonly CancellationTokenSource _stopping = new();
    private Task _serving = Task.CompletedTask;

    public ClusterDnsServer(IPEndPoint bind, ClusterDnsResolver resolver, HostResolvers? forward, TimeProvider time, ILogger logger)
    {
        _resolver = resolver;
        _forward = forward;
        _time = time;
        _logger = logger;
        // UDP and TCP share one port. With port 0 the UDP socket picks it, and that number may already be taken for
        // TCP; then another port is tried.
        for (var attempt = 1; ; attempt++)
        {
            _udp = new Socket(bind.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            _tcp = new Socket(bind.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                _udp.Bind(bind);
                _tcp.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                _tcp.Bind(new IPEndPoint(bind.Address, ((IPEndPoint)_udp.LocalEndPoint!).Port)); // the UDP socket is bound
                _tcp.Listen(64);
                break;
            }
            catch (SocketException ex) when (bind.Port == 0 && ex.SocketErrorCode == SocketError.AddressAlreadyInUse && attempt < 10)
            {
                _udp.Dispose();
                _tcp.Dispose();
            }
            catch
            {
                _udp.Dispose();
                _tcp.Dispose();
                throw;
            }
        }

        LocalEndPoint = (IPEndPoint)_udp.LocalEndPoint!; // bound above
    }

    public IPEndPoint LocalEndPoint { get; }

    public void Start() => _serving = Task.WhenAll(
        ServeUdpAsync(_stopping.Token),
        SocketAcceptLoop.RunAsync(_tcp, client => _ = ServeTcpClientAsync(client, _stopping.Token), _ => { }, _stopping.Token));

    public async ValueTask DisposeAsync()
    {
        _udp.Dispose();
        _tcp.Dispose();
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _serving.ConfigureAwait(false);
        _stopping.Dispose();
    }

    /// <summary>The reply to one request; null to stay silent (not even a header to answer to).</summary>
    internal async ValueTask<byte[]?> AnswerAsync(ReadOnlyMemory<byte> request, int maxSize, CancellationToken cancellationToken)
    {
        if (!DnsMessage.TryParse(request.Span, out var id, out var query))
        {
            return null;
        }

        if (query is null)
        {
            return DnsMessage.Error(id, DnsRcode.FormatError);
        }

        if (!query.IsStandardQuery)
        {
            return DnsMessage.Error(id, DnsRcode.NotImplemented);
        }

        var answer = query.Class is DnsType.Internet or DnsType.Any ? _resolver.Resolve(query.Name, query.Type) : null;
        if (answer is not null)
        {
            Log.Answered(_logger, query.Name, query.Type, answer.Rcode, answer.Records.Count);
            return DnsMessage.Write(query, answer, authoritative: true, recursionAvailable: _forward is not null, maxSize);
        }

        if (_forward is null)
        {
            return DnsMessage.Write(query, new DnsAnswer(DnsRcode.Refused, [], []), authoritative: false, recursionAvailable: false, maxSize);
        }

        var forwarded = await _forward.ForwardAsync(request, cancellationToken).ConfigureAwait(false);
        Log.Forwarded(_logger, query.Name, query.Type, forwarded is not null);
        return forwarded ?? DnsMessage.Write(query, new DnsAnswer(DnsRcode.ServerFailure, [], []), authoritative: false, recursionAvailable: true, maxSize);
    }

    private async Task ServeUdpAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[DnsServerLimits.MaxMessage];
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        while (!cancellationToken.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _udp.ReceiveFromAsync(buffer, SocketFlags.None, any, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException || cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                continue; // an ICMP error for an earlier reply
            }

            var request = buffer[..received.ReceivedBytes];
            _ = ReplyUdpAsync(request, received.RemoteEndPoint, cancellationToken);
        }
    }

    private async Task ReplyUdpAsync(byte[] request, EndPoint client, CancellationToken cancellationToken)
    {
        try
        {
            if (await AnswerAsync(request, DnsMessage.MaxUdpSize, cancellationToken).ConfigureAwait(false) is { } reply)
            {
                await _udp.SendToAsync(reply, SocketFlags.None, client, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // Client gone or server stopping.
        }
    }

    private async Task ServeTcpClientAsync(Socket client, CancellationToken cancellationToken)
    {
        using (client)
        {
            var length = new byte[2];
            var buffer = new byte[DnsServerLimits.MaxMessage];
            try
            {
                while (true)
                {
                    using var idle = new CancellationTokenSource(TcpIdle, _time);
                    using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token);
                    if (!await ReadExactlyAsync(client, length, limit.Token).ConfigureAwait(false))
                    {
                        return;
                    }

                    var size = BinaryPrimitives.ReadUInt16BigEndian(length);
                    if (!await ReadExactlyAsync(client, buffer.AsMemory(0, size), limit.Token).ConfigureAwait(false)
                        || await AnswerAsync(buffer.AsMemory(0, size), DnsServerLimits.MaxMessage, limit.Token).ConfigureAwait(false) is not { } reply)
                    {
                        return;
                    }

                    var framed = new byte[reply.Length + 2];
                    BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)reply.Length);
                    reply.CopyTo(framed, 2);
                    await client.SendAsync(framed, SocketFlags.None, limit.Token).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                // Idle, closed or stopping.
            }
        }
    }

    private static async Task<bool> ReadExactlyAsync(Socket socket, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await socket.ReceiveAsync(buffer[read..], SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                return false;
            }

            read += n;
        }

        return true;
    }

    private static partial class Log
    {
        [LoggerMessage(RuntimeEventIds.ClusterDns + 10, LogLevel.Debug, "DNS {Name} type {Type}: {Rcode}, {Count} records")]
        public static partial void Answered(ILogger logger, string name, ushort type, DnsRcode rcode, int count);

        [LoggerMessage(RuntimeEventIds.ClusterDns + 11, LogLevel.Debug, "DNS {Name} type {Type} forwarded to the host's resolvers (answered: {Answered})")]
        public static partial void Forwarded(ILogger logger, string name, ushort type, bool answered);
    }
}
