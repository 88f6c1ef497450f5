using System.Net;
using SuperKube.Runtime.Tests;

namespace SuperKube.Runtime.ServiceProxy.Tests;

public sealed class ProxyBackendsTests
{
    private static readonly IPEndPoint A = new(IPAddress.Parse("10.244.0.2"), 80);
    private static readonly IPEndPoint B = new(IPAddress.Parse("10.244.0.3"), 80);
    private static readonly IPEndPoint C = new(IPAddress.Parse("10.244.0.4"), 80);
    private static readonly IPAddress Client = IPAddress.Parse("192.0.2.7");

    [Fact]
    public void Pick_RoundRobin_AlternatesEndpoints()
    {
        var backends = new ProxyBackends(TimeProvider.System);
        backends.Update([A, B], affinityTimeout: null);

        var picks = Enumerable.Range(0, 4).Select(_ => backends.Pick(Client)).ToList();

        Assert.Equal(2, picks.Count(p => Equals(p, A)));
        Assert.Equal(2, picks.Count(p => Equals(p, B)));
        Assert.NotEqual(picks[0], picks[1]);
    }

    [Fact]
    public void Pick_ClientIpAffinity_SticksUntilTimeoutThenMoves()
    {
        var time = new ManualTimeProvider();
        var backends = new ProxyBackends(time);
        backends.Update([A, B, C], TimeSpan.FromSeconds(10));

        var first = backends.Pick(Client);
        var again = Enumerable.Range(0, 5).Select(_ => backends.Pick(Client)).ToList();
        var other = backends.Pick(IPAddress.Parse("192.0.2.8"));
        time.Advance(TimeSpan.FromSeconds(11));
        var afterTimeout = Enumerable.Range(0, 4).Select(_ => backends.Pick(Client)).ToList();

        Assert.All(again, p => Assert.Equal(first, p));
        Assert.NotEqual(first, other);
        Assert.NotEqual(first, afterTimeout[0]); // round-robin moved on: the expired entry was not used
        Assert.All(afterTimeout, p => Assert.Equal(afterTimeout[0], p)); // and the new pick sticks
    }

    [Fact]
    public void Pick_StickyEndpointRemoved_PicksAnotherAndSticksToIt()
    {
        var backends = new ProxyBackends(TimeProvider.System);
        backends.Update([A, B], TimeSpan.FromMinutes(1));
        var first = backends.Pick(Client)!;
        var remaining = Equals(first, A) ? B : A;

        backends.Update([remaining], TimeSpan.FromMinutes(1));
        var next = backends.Pick(Client);
        backends.Update([A, B], TimeSpan.FromMinutes(1));

        Assert.Equal(remaining, next);
        Assert.Equal(remaining, backends.Pick(Client));
    }

    [Fact]
    public void Pick_EndpointsFailedOrNone_ReturnsOthersThenNull()
    {
        var backends = new ProxyBackends(TimeProvider.System);

        var none = backends.Pick(Client);
        backends.Update([A, B], affinityTimeout: null);
        var notA = Enumerable.Range(0, 3).Select(_ => backends.Pick(Client, [A])).ToList();
        var neither = backends.Pick(Client, [A, B]);

        Assert.Null(none);
        Assert.All(notA, p => Assert.Equal(B, p));
        Assert.Null(neither);
    }
}
