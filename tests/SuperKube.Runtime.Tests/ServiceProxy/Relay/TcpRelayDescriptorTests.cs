using Microsoft.Extensions.Logging.Abstractions;

namespace SuperKube.Runtime.ServiceProxy.Relay.Tests;

/// <summary>
/// Relays give back every descriptor (sockets, pipes) once their connections end. Counts <c>/proc/self/fd</c>, so runs
/// alone: other tests in the process would open and close descriptors meanwhile.
/// </summary>
[Collection(nameof(TcpRelayDescriptorTests))]
[CollectionDefinition(nameof(TcpRelayDescriptorTests), DisableParallelization = true)]
public sealed class TcpRelayDescriptorTests
{
    [Theory]
    [InlineData("splice")]
    [InlineData("copy")]
    public async Task ConnectionsEnded_EveryDescriptorClosed(string kind)
    {
        Assert.SkipUnless(Directory.Exists("/proc/self/fd"), "needs /proc/self/fd");
        Assert.SkipWhen(kind == "splice" && !SpliceTcpRelay.IsSupported, "splice(2) is Linux-only");
        using ITcpRelay relay = kind == "splice" ? new SpliceTcpRelay(NullLogger.Instance, loopCount: 2) : new CopyTcpRelay();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await TransferAsync(relay, 0, deadline.Token); // warm-up: the loop threads' epoll sets and eventfds stay open
        var before = Descriptors();

        await Task.WhenAll(Enumerable.Range(1, 50).Select(i => TransferAsync(relay, i, deadline.Token)));
        await using (var reset = await RelayedConnection.OpenAsync(relay))
        {
            reset.Upstream.LingerState = new System.Net.Sockets.LingerOption(true, 0);
            reset.Upstream.Close();
        }

        var after = Descriptors();
        while (after > before && !deadline.IsCancellationRequested)
        {
            await Task.Delay(50, deadline.Token); // sockets close synchronously; this only waits out stray runtime files
            after = Descriptors();
        }

        Assert.True(after <= before, $"{after - before} descriptors leaked ({before} before, {after} after)");
    }

    private static async Task TransferAsync(ITcpRelay relay, int seed, CancellationToken cancellationToken)
    {
        await using var connection = await RelayedConnection.OpenAsync(relay);
        var sent = await RelayedConnection.SendRandomAsync(connection.Client, 300_000, seed, cancellationToken);
        Assert.Equal((300_000L, sent), await RelayedConnection.ReceiveAllAsync(connection.Upstream, cancellationToken));
        connection.Upstream.Shutdown(System.Net.Sockets.SocketShutdown.Send);
        Assert.Equal(0, (await RelayedConnection.ReceiveAllAsync(connection.Client, cancellationToken)).Bytes);
    }

    private static int Descriptors() => Directory.GetFiles("/proc/self/fd").Length;
}
