using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;

namespace SuperKube.Runtime.ServiceProxy.Relay.Tests;

/// <summary>The splice relay against the shared contract, plus what is its own: the kernel path is really taken.</summary>
public sealed class SpliceTcpRelayTests : TcpRelayTests
{
    private readonly SpliceTcpRelay _relay = new(NullLogger.Instance, loopCount: 2);

    public SpliceTcpRelayTests()
    {
        Assert.SkipUnless(SpliceTcpRelay.IsSupported, "splice(2) is Linux-only");
    }

    private protected override ITcpRelay Relay => _relay;

    [Fact]
    public async Task OpenConnection_IsSplicedNotCopied()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var connection = await RelayedConnection.OpenAsync(_relay);
        await connection.Client.SendAsync("ping"u8.ToArray(), SocketFlags.None, deadline.Token);
        var buffer = new byte[4];
        Assert.Equal(4, await connection.Upstream.ReceiveAsync(buffer, SocketFlags.None, deadline.Token));

        Assert.Equal(1, _relay.Active);
    }

    [Fact]
    public async Task UpstreamResets_ClientGetsResetToo()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var connection = await RelayedConnection.OpenAsync(_relay);

        connection.Upstream.LingerState = new LingerOption(true, 0);
        connection.Upstream.Close();
        await connection.Relaying.WaitAsync(deadline.Token);

        var reset = await Assert.ThrowsAsync<SocketException>(async () => await connection.Client.ReceiveAsync(new byte[1], SocketFlags.None, deadline.Token));
        Assert.Equal(SocketError.ConnectionReset, reset.SocketErrorCode);
    }
}
