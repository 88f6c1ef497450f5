namespace SuperKube.Services.Tests;

public sealed class Ipv4CidrTests
{
    [Fact]
    public void TryParse_DefaultServiceRange_NumbersAddressesFromTheNetwork()
    {
        Assert.True(Ipv4Cidr.TryParse("10.96.0.0/12", out var cidr));

        Assert.Equal(1L << 20, cidr.Size);
        Assert.Equal("10.96.0.1", cidr.At(1));
        Assert.Equal("10.111.255.255", cidr.At(cidr.Size - 1));
        Assert.Equal(257, cidr.OffsetOf("10.96.1.1"));
        Assert.Null(cidr.OffsetOf("10.112.0.0"));
        Assert.Null(cidr.OffsetOf("not-an-ip"));
        Assert.Equal("10.96.0.0/12", cidr.ToString());
    }

    [Fact]
    public void TryParse_HostBitsSet_MasksToTheNetwork()
    {
        Assert.True(Ipv4Cidr.TryParse("192.168.7.9/24", out var cidr));

        Assert.Equal("192.168.7.0/24", cidr.ToString());
    }

    [Theory]
    [InlineData("10.96.0.0")]
    [InlineData("10.96.0.0/33")]
    [InlineData("fd00::/108")]
    [InlineData("banana/12")]
    public void TryParse_Malformed_ReturnsFalse(string text) => Assert.False(Ipv4Cidr.TryParse(text, out _));
}
