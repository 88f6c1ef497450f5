using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace SuperKube.Runtime.ServiceProxy.Relay.Tests;

/// <summary>
/// One connection through a relay on loopback, the way the proxy sets it up: <see cref="Client"/> is the application
/// connecting in, <see cref="Upstream"/> the endpoint accepting the relay's connection. The relay's own two sockets
/// are closed once <see cref="Relaying"/> ends, as the proxy does.
/// </summary>
internal sealed class RelayedConnection : IAsyncDisposable
{
    private RelayedConnection(Socket client, Socket upstream, Task relaying)
    {
        Client = client;
        Upstream = upstream;
        Relaying = relaying;
    }

    public Socket Client { get; }

    public Socket Upstream { get; }

    /// <summary>The relay's task; completes once both of its sockets are closed.</summary>
    public Task Relaying { get; }

    public static async Task<RelayedConnection> OpenAsync(ITcpRelay relay, CancellationToken abort = default)
    {
        var (client, accepted) = await PairAsync();
        var (endpoint, connected) = await PairAsync();
        return new RelayedConnection(client, endpoint, RelayAsync(relay, accepted, connected, abort));
    }

    /// <summary>Everything <paramref name="socket"/> receives until end of stream: byte count and SHA-256 (hex).</summary>
    public static async Task<(long Bytes, string Hash)> ReceiveAllAsync(Socket socket, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[64 * 1024];
        var total = 0L;
        int read;
        while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            total += read;
        }

        return (total, Convert.ToHexString(hash.GetHashAndReset()));
    }

    /// <summary>Sends <paramref name="bytes"/> pseudo-random bytes from <paramref name="seed"/>, then half-closes; returns their SHA-256 (hex).</summary>
    public static async Task<string> SendRandomAsync(Socket socket, long bytes, int seed, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var random = new Random(seed);
        var chunk = new byte[256 * 1024];
        for (var sent = 0L; sent < bytes; sent += chunk.Length)
        {
            var length = (int)Math.Min(chunk.Length, bytes - sent);
            random.NextBytes(chunk.AsSpan(0, length));
            hash.AppendData(chunk, 0, length);
            await socket.SendAsync(chunk.AsMemory(0, length), SocketFlags.None, cancellationToken);
        }

        socket.Shutdown(SocketShutdown.Send);
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Upstream.Dispose();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Relaying.WaitAsync(deadline.Token);
    }

    private static async Task RelayAsync(ITcpRelay relay, Socket client, Socket upstream, CancellationToken abort)
    {
        try
        {
            await relay.RelayAsync(client, upstream, abort);
        }
        finally
        {
            client.Dispose();
            upstream.Dispose();
        }
    }

    /// <summary>A connected loopback pair: the connecting socket and the accepted one.</summary>
    private static async Task<(Socket Connecting, Socket Accepted)> PairAsync()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        var connecting = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        var connected = connecting.ConnectAsync(listener.LocalEndPoint!);
        var accepted = await listener.AcceptAsync();
        await connected;
        return (connecting, accepted);
    }
}
