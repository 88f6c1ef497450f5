namespace SuperKube.Runtime.Agent.Tests;

public sealed class PodIpAllocatorTests
{
    [Fact]
    public void Allocate_FreshRange_SkipsNetworkAndGateway()
    {
        var ips = new PodIpAllocator("10.244.3.0/24");

        Assert.Equal("10.244.3.2", ips.Allocate("a"));
        Assert.Equal("10.244.3.3", ips.Allocate("b"));
        Assert.Equal(253, ips.Capacity);
    }

    [Fact]
    public void Allocate_SameOwnerTwice_ReturnsSameAddress()
    {
        var ips = new PodIpAllocator("10.244.0.0/24");

        Assert.Equal(ips.Allocate("a"), ips.Allocate("a"));
    }

    [Fact]
    public void Release_ThenAllocateAll_ReusesTheAddress()
    {
        var ips = new PodIpAllocator("10.0.0.0/29");
        var first = ips.Allocate("a");
        ips.Allocate("b");
        ips.Allocate("c");
        ips.Allocate("d");
        ips.Allocate("e");
        ips.Release("a");

        var reused = ips.Allocate("f");

        Assert.Equal(first, reused);
        Assert.Throws<InvalidOperationException>(() => ips.Allocate("g"));
    }

    [Theory]
    [InlineData("10.244.0.0")]
    [InlineData("fd00::/64")]
    [InlineData("10.244.0.0/40")]
    public void Parse_NotIpv4Cidr_Throws(string cidr) => Assert.Throws<FormatException>(() => PodIpAllocator.Parse(cidr));
}
