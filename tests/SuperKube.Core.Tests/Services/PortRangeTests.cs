namespace SuperKube.Services.Tests;

public sealed class PortRangeTests
{
    [Fact]
    public void TryParse_DefaultRange_ContainsItsBounds()
    {
        Assert.True(PortRange.TryParse("30000-32767", out var range));

        Assert.Equal(2768, range.Size);
        Assert.True(range.Contains(30000));
        Assert.True(range.Contains(32767));
        Assert.False(range.Contains(32768));
    }

    [Theory]
    [InlineData("30000")]
    [InlineData("32767-30000")]
    [InlineData("0-100")]
    [InlineData("1-70000")]
    public void TryParse_Malformed_ReturnsFalse(string text) => Assert.False(PortRange.TryParse(text, out _));
}
