using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using SuperKube.Splicing;

namespace SuperKube.Streaming.Tests;

/// <summary>
/// Port-forward's spliced DATA frames (<see cref="SplicedDataPump"/>, <see cref="SpdyConnection.SpliceData"/>,
/// <see cref="UpgradedWebSocketStream.SendSpliced"/>): the headers written for a given length, order and ends, and
/// which connections get spliced at all. The "kubectl" end reads raw bytes and parses every header itself.
/// </summary>
public sealed class SplicedFrameTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly CancellationTokenSource _bound = new(Bound);
    private Socket _serverSide = null!;
    private NetworkStream _kubectl = null!;
    private SpliceableNetworkStream _pod = null!;
    private NetworkStream _podPeer = null!;

    public async ValueTask InitializeAsync()
    {
        Assert.SkipUnless(Libc.IsSupported, "splice(2) is Linux-only");
        (_serverSide, var kubectl) = await ConnectedPairAsync();
        kubectl.ReceiveBufferSize = 64 * 1024; // small, so a client that reads nothing soon blocks the server's writes
        _serverSide.SendBufferSize = 64 * 1024;
        _kubectl = new NetworkStream(kubectl, ownsSocket: true);
        var (pod, podPeer) = await ConnectedPairAsync();
        _pod = new SpliceableNetworkStream(pod);
        _podPeer = new NetworkStream(podPeer, ownsSocket: true);
    }

    public async ValueTask DisposeAsync()
    {
        if (_kubectl is not null)
        {
            await _kubectl.DisposeAsync();
            await _pod.DisposeAsync();
            await _podPeer.DisposeAsync();
            _serverSide.Dispose();
        }

        _bound.Dispose();
    }

    [Theory]
    [InlineData(1, 2)] // WebSocket payload 9: the 7-bit length
    [InlineData(117, 2)] // 125, the longest 7-bit length
    [InlineData(118, 4)] // 126: the 16-bit length
    [InlineData(65527, 4)] // 65535
    [InlineData(65528, 10)] // 65536: the 64-bit length
    [InlineData(200_000, 10)]
    public async Task SpliceData_Length_WebSocketAndSpdyHeadersForIt(int length, int webSocketHeader)
    {
        await using var transport = new UpgradedWebSocketStream(new NetworkStream(_serverSide, ownsSocket: false), _serverSide);
        using var spdy = new SpdyConnection(transport);
        using var pipe = KernelPipe.TryCreate(SplicedDataPump.PipeSize)!;
        using var waiter = SocketWaiter.TryCreate(_bound.Token)!;
        var payload = Pattern(length, seed: length);
        await FillAsync(pipe, payload);

        var sending = Task.Run(() => spdy.SpliceData(7, pipe, length, waiter));
        var frame = await ReadFrameAsync();
        await sending;

        Assert.Equal(webSocketHeader, frame.WebSocketHeader);
        Assert.Equal(7u, frame.StreamId);
        Assert.Equal(0, frame.Flags);
        Assert.Equal(payload, frame.Payload);
    }

    [Fact]
    public async Task Pump_PodSendsAndCloses_FramesCarryEveryByteInOrderThenItEnds()
    {
        await using var transport = new UpgradedWebSocketStream(new NetworkStream(_serverSide, ownsSocket: false), _serverSide);
        using var spdy = new SpdyConnection(transport);
        var sent = Pattern(5 * 1024 * 1024 + 3, seed: 1);
        var pump = SplicedDataPump.TryStart(spdy, 3, _pod, _bound.Token);
        Assert.NotNull(pump);
        var podSending = Task.Run(async () =>
        {
            await _podPeer.WriteAsync(sent, _bound.Token);
            _podPeer.Socket.Shutdown(SocketShutdown.Send);
        });

        using var received = new MemoryStream();
        while (received.Length < sent.Length)
        {
            var frame = await ReadFrameAsync();
            Assert.Equal(3u, frame.StreamId);
            Assert.InRange(frame.Payload.Length, 1, SplicedDataPump.PipeSize);
            received.Write(frame.Payload);
        }

        await podSending;
        Assert.True(await pump.Completion.WaitAsync(Bound));
        Assert.Equal(sent, received.ToArray());
    }

    [Fact]
    public async Task Pump_StoppedMidTransfer_EndsBetweenWholeFramesAndTheStreamStaysUsable()
    {
        await using var transport = new UpgradedWebSocketStream(new NetworkStream(_serverSide, ownsSocket: false), _serverSide);
        using var spdy = new SpdyConnection(transport);
        await ClientSpeaksAsync(transport);
        var pump = SplicedDataPump.TryStart(spdy, 5, _pod, _bound.Token)!;
        var first = Pattern(4096, seed: 2);
        await _podPeer.WriteAsync(first, _bound.Token);
        Assert.Equal(first, (await ReadFrameAsync()).Payload);

        pump.Stop(); // as when the client resets the stream; the pod's connection stays open
        Assert.True(await pump.Completion.WaitAsync(Bound));
        await spdy.WriteAsync(Spdy.SpdyFrame.DataFrame(5, [], fin: true), _bound.Token);

        var fin = await ReadFrameAsync();
        Assert.Equal(5u, fin.StreamId);
        Assert.Equal(Spdy.SpdyFrame.FlagFin, fin.Flags);
        Assert.Empty(fin.Payload);
    }

    [Fact]
    public async Task Pump_AbortedWhileTheClientReadsNothing_FailsAndLaterWritesRefused()
    {
        await using var transport = new UpgradedWebSocketStream(new NetworkStream(_serverSide, ownsSocket: false), _serverSide);
        using var spdy = new SpdyConnection(transport);
        using var abort = new CancellationTokenSource();
        var pump = SplicedDataPump.TryStart(spdy, 9, _pod, abort.Token)!;
        // Far more than the socket buffers hold while "kubectl" reads nothing: once the bytes waiting for kubectl stop
        // growing, the pump is stuck inside a frame whose header went out.
        var podSending = _podPeer.WriteAsync(Pattern(16 * 1024 * 1024, seed: 3), _bound.Token).AsTask();
        await UntilStuckAsync(() => _kubectl.Socket.Available);

        await abort.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pump.Completion.WaitAsync(Bound));
        await ClientSpeaksAsync(transport);
        await Assert.ThrowsAsync<IOException>(async () => await spdy.WriteAsync(Spdy.SpdyFrame.DataFrame(9, [], fin: true), _bound.Token));
        _podPeer.Socket.Close(0); // ends the pod's send, if still blocked
        await Task.WhenAny(podSending);
    }

    [Fact]
    public void CanSplice_OnlyASocketTransportAndATcpPodSocket()
    {
        // Disposed before the socket: the stream holds a reference on its descriptor until then.
        using var socketTransport = new UpgradedWebSocketStream(new NetworkStream(_serverSide, ownsSocket: false), _serverSide);
        using var kestrelTransport = new UpgradedWebSocketStream(new MemoryStream());
        using var plain = new SpdyConnection(socketTransport);
        using var throughKestrel = new SpdyConnection(kestrelTransport);

        Assert.True(SplicedDataPump.CanSplice(plain, _pod));
        Assert.False(SplicedDataPump.CanSplice(plain, new MemoryStream())); // the Fake runtime, remote nodes
        Assert.False(SplicedDataPump.CanSplice(plain, _podPeer)); // a socket the stream does not show
        Assert.False(SplicedDataPump.CanSplice(throughKestrel, _pod)); // TLS, or no socket feature
        Assert.Null(SplicedDataPump.TryStart(throughKestrel, 1, _pod, _bound.Token));
    }

    [Fact]
    public void PlainSocket_OnlyPlainHttp11WithASocket()
    {
        Assert.Same(_serverSide, WebSocketUpgrade.PlainSocket(Context("HTTP/1.1")));
        Assert.Null(WebSocketUpgrade.PlainSocket(Context("HTTP/2")));
        Assert.Null(WebSocketUpgrade.PlainSocket(Context("HTTP/1.1", https: true)));
        var tls = Context("HTTP/1.1");
        tls.Features.Set<ITlsConnectionFeature>(new TlsConnectionFeature());
        Assert.Null(WebSocketUpgrade.PlainSocket(tls));
        var noSocket = Context("HTTP/1.1");
        noSocket.Features.Set<IConnectionSocketFeature>(null);
        Assert.Null(WebSocketUpgrade.PlainSocket(noSocket));
    }

    /// <summary>
    /// Sends an empty (skipped) binary message and starts the server's read: a server writing to its socket writes
    /// nothing else before the client spoke, since before that Kestrel may still hold the handshake response.
    /// </summary>
    private async Task ClientSpeaksAsync(UpgradedWebSocketStream transport)
    {
        await _kubectl.WriteAsync(new byte[] { 0x82, 0x80, 1, 2, 3, 4 }, _bound.Token);
        _ = transport.ReadAsync(new byte[1], _bound.Token).AsTask(); // ends with the connection
    }

    /// <summary>Polls until <paramref name="progress"/> is positive and stays the same for half a second.</summary>
    private async Task UntilStuckAsync(Func<int> progress)
    {
        var last = -1;
        while (progress() is var now && (now <= 0 || now != last))
        {
            last = now;
            await Task.Delay(TimeSpan.FromMilliseconds(500), _bound.Token);
        }
    }

    private DefaultHttpContext Context(string protocol, bool https = false)
    {
        var context = new DefaultHttpContext();
        context.Request.Protocol = protocol;
        context.Request.IsHttps = https;
        context.Features.Set<IConnectionSocketFeature>(new SocketFeature(_serverSide));
        return context;
    }

    /// <summary>Puts <paramref name="payload"/> into the pipe through the pod's socket.</summary>
    private async Task FillAsync(KernelPipe pipe, byte[] payload)
    {
        var sending = _podPeer.WriteAsync(payload, _bound.Token).AsTask();
        var filled = 0;
        var podFd = (int)_pod.Socket.SafeHandle.DangerousGetHandle();
        while (filled < payload.Length)
        {
            _bound.Token.ThrowIfCancellationRequested();
            await _pod.Socket.ReceiveAsync(Memory<byte>.Empty, _bound.Token); // readable
            var moved = pipe.FillFrom(podFd, payload.Length - filled);
            filled += moved > 0 ? (int)moved : 0;
        }

        await sending;
    }

    /// <summary>One WebSocket message as the server sends it (final, binary, unmasked) holding one SPDY DATA frame.</summary>
    private async Task<(int WebSocketHeader, uint StreamId, byte Flags, byte[] Payload)> ReadFrameAsync()
    {
        var head = new byte[10];
        await _kubectl.ReadExactlyAsync(head.AsMemory(0, 2), _bound.Token);
        Assert.Equal(0x82, head[0]);
        var (extra, length) = (head[1] & 0x7f) switch { 126 => (2, 0L), 127 => (8, 0L), var short7 => (0, (long)short7) };
        await _kubectl.ReadExactlyAsync(head.AsMemory(2, extra), _bound.Token);
        length = extra switch
        {
            2 => BinaryPrimitives.ReadUInt16BigEndian(head.AsSpan(2)),
            8 => (long)BinaryPrimitives.ReadUInt64BigEndian(head.AsSpan(2)),
            _ => length,
        };
        var message = new byte[length];
        await _kubectl.ReadExactlyAsync(message, _bound.Token);
        var streamId = BinaryPrimitives.ReadUInt32BigEndian(message);
        Assert.Equal(0u, streamId & 0x8000_0000); // a DATA frame, not a control frame
        var dataLength = (message[5] << 16) | (message[6] << 8) | message[7];
        Assert.Equal(length - Spdy.SpdyFrame.HeaderLength, dataLength);
        return (2 + extra, streamId, message[4], message[Spdy.SpdyFrame.HeaderLength..]);
    }

    private static async Task<(Socket Server, Socket Client)> ConnectedPairAsync()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen();
        var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var accepting = listener.AcceptAsync();
        await client.ConnectAsync(listener.LocalEndPoint!);
        return (await accepting, client);
    }

    private static byte[] Pattern(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private sealed class SocketFeature(Socket socket) : IConnectionSocketFeature
    {
        public Socket Socket => socket;
    }
}
