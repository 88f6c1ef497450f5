using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;

namespace SuperKube.Streaming.Tests;

/// <summary>The server-side WebSocket framing of port-forward, against .NET's client WebSocket and hand-made frames.</summary>
public sealed class UpgradedWebSocketStreamTests : IAsyncLifetime
{
    private static readonly CancellationToken Bound = new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;
    private NetworkStream _server = null!;
    private NetworkStream _client = null!;

    public async ValueTask InitializeAsync()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var client = new TcpClient();
        var accept = listener.AcceptTcpClientAsync(Bound).AsTask();
        await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port, Bound);
        _server = (await accept).GetStream();
        _client = client.GetStream();
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        await _client.DisposeAsync();
    }

    [Fact]
    public async Task Read_ClientMessagesOfEverySizeClassAndFragmented_OneByteStream()
    {
        await using var stream = new UpgradedWebSocketStream(_server);
        using var client = WebSocket.CreateFromStream(_client, isServer: false, subProtocol: null, keepAliveInterval: Timeout.InfiniteTimeSpan);
        int[] sizes = [1, 0, 125, 126, 65535, 65536, 300_001];
        var sent = Pattern(sizes.Sum(), seed: 7);
        var sending = Task.Run(async () =>
        {
            var offset = 0;
            foreach (var size in sizes)
            {
                // Messages split in two frames (a continuation), on odd offsets, so unmasking resumes mid-mask.
                var half = size / 2;
                await client.SendAsync(sent.AsMemory(offset, half), WebSocketMessageType.Binary, endOfMessage: false, Bound);
                await client.SendAsync(sent.AsMemory(offset + half, size - half), WebSocketMessageType.Binary, endOfMessage: true, Bound);
                offset += size;
            }
        });

        var received = new byte[sent.Length];
        await stream.ReadExactlyAsync(received, Bound);
        await sending;

        Assert.Equal(sent, received);
    }

    [Fact]
    public async Task WriteWithHeadroom_EverySizeClass_OneBinaryMessageEach()
    {
        await using var stream = new UpgradedWebSocketStream(_server);
        using var client = WebSocket.CreateFromStream(_client, isServer: false, subProtocol: null, keepAliveInterval: Timeout.InfiniteTimeSpan);
        foreach (var size in new[] { 5, 125, 126, 200, 65535, 65536, 1024 * 1024 })
        {
            var payload = Pattern(size, seed: size);
            var buffer = new byte[stream.Headroom + size];
            payload.CopyTo(buffer, stream.Headroom);
            var writing = stream.WriteWithHeadroomAsync(buffer, Bound).AsTask();

            var received = new byte[size + 1];
            var total = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                result = await client.ReceiveAsync(received.AsMemory(total), Bound);
                total += result.Count;
            }
            while (!result.EndOfMessage);
            await writing;

            Assert.Equal(WebSocketMessageType.Binary, result.MessageType);
            Assert.Equal(payload, received[..total]);
        }
    }

    [Fact]
    public async Task Read_ClientCloses_EndsAndAnswersTheClose()
    {
        await using var stream = new UpgradedWebSocketStream(_server);
        using var client = WebSocket.CreateFromStream(_client, isServer: false, subProtocol: null, keepAliveInterval: Timeout.InfiniteTimeSpan);
        var closing = client.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", Bound);

        Assert.Equal(0, await stream.ReadAsync(new byte[16], Bound));
        await closing;

        Assert.Equal(WebSocketState.Closed, client.State);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, client.CloseStatus);
        await Assert.ThrowsAsync<IOException>(async () => await stream.WriteAsync(new byte[1], Bound));
    }

    [Fact]
    public async Task Read_Ping_AnsweredWithAPongCarryingItsPayload()
    {
        await using var stream = new UpgradedWebSocketStream(_server);
        await _client.WriteAsync(Masked(0x89, "abc"u8.ToArray()), Bound);
        await _client.WriteAsync(Masked(0x82, "hi"u8.ToArray()), Bound);

        var data = new byte[2];
        await stream.ReadExactlyAsync(data, Bound);
        var pong = new byte[5];
        await _client.ReadExactlyAsync(pong, Bound);

        Assert.Equal("hi"u8.ToArray(), data);
        Assert.Equal([0x8A, 3, (byte)'a', (byte)'b', (byte)'c'], pong);
    }

    [Fact]
    public async Task Read_UnmaskedClientFrame_Rejected()
    {
        await using var stream = new UpgradedWebSocketStream(_server);
        await _client.WriteAsync(new byte[] { 0x82, 2, (byte)'h', (byte)'i' }, Bound);

        await Assert.ThrowsAsync<InvalidDataException>(async () => await stream.ReadExactlyAsync(new byte[2], Bound));
    }

    private static byte[] Masked(byte first, byte[] payload)
    {
        byte[] mask = [0x12, 0x34, 0x56, 0x78];
        return [first, (byte)(0x80 | payload.Length), .. mask, .. payload.Select((b, i) => (byte)(b ^ mask[i % 4]))];
    }

    private static byte[] Pattern(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
