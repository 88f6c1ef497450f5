using System.Net.Sockets;
using System.Text;

namespace SuperKube.Runtime.ServiceProxy.Relay.Tests;

/// <summary>What every <see cref="ITcpRelay"/> must do, run against each implementation by a subclass.</summary>
public abstract class TcpRelayTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private protected abstract ITcpRelay Relay { get; }

    public void Dispose()
    {
        Relay.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task LargeTransfer_BothWaysAtOnce_EveryByteArrivesInOrder()
    {
        using var deadline = new CancellationTokenSource(Deadline);
        await using var connection = await RelayedConnection.OpenAsync(Relay);
        const long Size = 48L * 1024 * 1024 + 12345; // not a multiple of any buffer or pipe size

        var upload = RelayedConnection.SendRandomAsync(connection.Client, Size, seed: 1, deadline.Token);
        var download = RelayedConnection.SendRandomAsync(connection.Upstream, Size, seed: 2, deadline.Token);
        var atUpstream = RelayedConnection.ReceiveAllAsync(connection.Upstream, deadline.Token);
        var atClient = RelayedConnection.ReceiveAllAsync(connection.Client, deadline.Token);

        Assert.Equal((Size, await upload), await atUpstream);
        Assert.Equal((Size, await download), await atClient);
        await connection.Relaying.WaitAsync(deadline.Token);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task OneSideHalfCloses_OtherSideSeesEndOfStream_AndTheOtherDirectionGoesOn(bool clientFirst)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        await using var connection = await RelayedConnection.OpenAsync(Relay);
        var (first, second) = clientFirst ? (connection.Client, connection.Upstream) : (connection.Upstream, connection.Client);

        await first.SendAsync("before the FIN"u8.ToArray(), SocketFlags.None, deadline.Token);
        first.Shutdown(SocketShutdown.Send);
        var beforeFin = await ReceiveTextAsync(second, deadline.Token);
        await second.SendAsync("after the other side's FIN"u8.ToArray(), SocketFlags.None, deadline.Token);
        second.Shutdown(SocketShutdown.Send);
        var afterFin = await ReceiveTextAsync(first, deadline.Token);

        Assert.Equal("before the FIN", beforeFin);
        Assert.Equal("after the other side's FIN", afterFin);
        await connection.Relaying.WaitAsync(deadline.Token);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task UpstreamResets_RelayEnds_AndClientConnectionEnds(bool clientHalfClosedFirst)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        await using var connection = await RelayedConnection.OpenAsync(Relay);
        await connection.Upstream.SendAsync("x"u8.ToArray(), SocketFlags.None, deadline.Token);
        Assert.Equal("x", await ReceiveTextAsync(connection.Client, deadline.Token, bytes: 1));
        if (clientHalfClosedFirst)
        {
            connection.Client.Shutdown(SocketShutdown.Send);
            Assert.Equal(0, await connection.Upstream.ReceiveAsync(new byte[1], SocketFlags.None, deadline.Token));
        }

        connection.Upstream.LingerState = new LingerOption(true, 0);
        connection.Upstream.Close(); // RST

        await connection.Relaying.WaitAsync(deadline.Token);
        await AssertEndsAsync(connection.Client, deadline.Token);
    }

    [Fact]
    public async Task ClientResets_UpstreamConnectionEnds()
    {
        using var deadline = new CancellationTokenSource(Deadline);
        await using var connection = await RelayedConnection.OpenAsync(Relay);

        connection.Client.LingerState = new LingerOption(true, 0);
        connection.Client.Close();

        await connection.Relaying.WaitAsync(deadline.Token);
        await AssertEndsAsync(connection.Upstream, deadline.Token);
    }

    [Fact]
    public async Task ManyConnectionsAtOnce_EachEchoedIntact()
    {
        using var deadline = new CancellationTokenSource(Deadline);
        const int Connections = 100;
        const int Size = 100_000;

        await Task.WhenAll(Enumerable.Range(0, Connections).Select(async i =>
        {
            await using var connection = await RelayedConnection.OpenAsync(Relay);
            var echo = EchoAsync(connection.Upstream, deadline.Token);
            var sent = await RelayedConnection.SendRandomAsync(connection.Client, Size, seed: i, deadline.Token);
            Assert.Equal((Size, sent), await RelayedConnection.ReceiveAllAsync(connection.Client, deadline.Token));
            await echo;
            await connection.Relaying.WaitAsync(deadline.Token);
        }));
    }

    [Fact]
    public async Task Cancelled_RelayEndsWhileBothSidesIdle()
    {
        using var deadline = new CancellationTokenSource(Deadline);
        using var abort = new CancellationTokenSource();
        await using var connection = await RelayedConnection.OpenAsync(Relay, abort.Token);

        await abort.CancelAsync();

        await connection.Relaying.WaitAsync(deadline.Token);
        await AssertEndsAsync(connection.Client, deadline.Token);
    }

    /// <summary>Reads text until end of stream (or <paramref name="bytes"/>).</summary>
    private static async Task<string> ReceiveTextAsync(Socket socket, CancellationToken cancellationToken, int bytes = int.MaxValue)
    {
        var text = new StringBuilder();
        var buffer = new byte[1024];
        int read;
        while (text.Length < bytes && (read = await socket.ReceiveAsync(buffer.AsMemory(0, Math.Min(buffer.Length, bytes - text.Length)), SocketFlags.None, cancellationToken)) > 0)
        {
            text.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return text.ToString();
    }

    /// <summary>The connection ends for <paramref name="socket"/>: end of stream or a reset, not a hang.</summary>
    private static async Task AssertEndsAsync(Socket socket, CancellationToken cancellationToken)
    {
        try
        {
            Assert.Equal(0, await socket.ReceiveAsync(new byte[16], SocketFlags.None, cancellationToken));
        }
        catch (SocketException ex)
        {
            Assert.Equal(SocketError.ConnectionReset, ex.SocketErrorCode);
        }
    }

    private static async Task EchoAsync(Socket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken)) > 0)
        {
            await socket.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, cancellationToken);
        }

        socket.Shutdown(SocketShutdown.Send);
    }
}
