using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SuperKube.Splicing.Tests;

/// <summary>
/// <see cref="SpliceableNetworkStream.ConnectAsync"/>: the blocking connect bounded by the kernel's send timeout that
/// port-forward uses to reach a pod, on loopback listeners of the test's own.
/// </summary>
public sealed class SpliceableNetworkStreamTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ConnectAsync_Listening_CarriesBytesBothWays()
    {
        using var listener = Listen(backlog: 4);

        await using var stream = await SpliceableNetworkStream.ConnectAsync(NewSocket(), EndpointOf(listener), Limit, Ct);
        using var peer = await listener.AcceptAsync(Ct);
        await stream.WriteAsync("ping"u8.ToArray(), Ct);
        var received = new byte[4];
        await peer.ReceiveAsync(received, Ct);
        await peer.SendAsync("pong"u8.ToArray(), Ct);
        var answer = new byte[4];
        await stream.ReadExactlyAsync(answer, Ct);

        Assert.Equal("ping"u8.ToArray(), received);
        Assert.Equal("pong"u8.ToArray(), answer);
        Assert.True(stream.Socket.NoDelay);
        Assert.Equal(0, stream.Socket.SendTimeout); // the connect's bound does not outlive it
    }

    [Fact]
    public async Task ConnectAsync_NothingListening_IsRefused()
    {
        int port;
        using (var listener = Listen(backlog: 1))
        {
            port = EndpointOf(listener).Port;
        }

        var ex = await Assert.ThrowsAsync<SocketException>(() => SpliceableNetworkStream.ConnectAsync(NewSocket(), new IPEndPoint(IPAddress.Loopback, port), Limit, Ct));

        Assert.Equal(SocketError.ConnectionRefused, ex.SocketErrorCode);
    }

    [Fact]
    public async Task ConnectAsync_PeerNeverAnswers_TimesOutAtTheLimit()
    {
        // A listener that never accepts: once its accept queue is full the kernel drops further SYNs unanswered.
        using var listener = Listen(backlog: 1);
        var connected = new List<SpliceableNetworkStream>();
        SocketException? timedOut = null;
        var clock = new Stopwatch();
        try
        {
            for (var attempt = 0; attempt < 16 && timedOut is null; attempt++)
            {
                clock.Restart();
                try
                {
                    connected.Add(await SpliceableNetworkStream.ConnectAsync(NewSocket(), EndpointOf(listener), TimeSpan.FromMilliseconds(300), Ct));
                }
                catch (SocketException ex)
                {
                    timedOut = ex;
                }
            }
        }
        finally
        {
            foreach (var stream in connected)
            {
                await stream.DisposeAsync();
            }
        }

        Assert.NotNull(timedOut);
        Assert.Equal(SocketError.TimedOut, timedOut.SocketErrorCode);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(250), Limit);
    }

    private static Socket NewSocket() => new(SocketType.Stream, ProtocolType.Tcp);

    private static Socket Listen(int backlog)
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(backlog);
        return listener;
    }

    private static IPEndPoint EndpointOf(Socket listener) => (IPEndPoint)listener.LocalEndPoint!;
}
