namespace SuperKube.Defaulting.Tests;

public sealed class ResourceQuantityTests
{
    [Theory]
    [InlineData("1", 1)]
    [InlineData("100m", 0.1)]
    [InlineData("1.5", 1.5)]
    [InlineData("2k", 2000)]
    [InlineData("1Ki", 1024)]
    [InlineData("128Mi", 134217728)]
    [InlineData("1G", 1000000000)]
    [InlineData("1e3", 1000)]
    public void TryParse_ValidQuantity_ReturnsValue(string text, double expected)
    {
        Assert.True(ResourceQuantity.TryParse(text, out var value));

        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("abc")]
    [InlineData("1Xi")]
    public void TryParse_Invalid_ReturnsFalse(string? text)
    {
        Assert.False(ResourceQuantity.TryParse(text, out _));
    }
}
