namespace SuperKube.Protobuf.Tests;

public sealed class GoDurationTests
{
    [Theory]
    [InlineData(0L, "0s")]
    [InlineData(100L, "100ns")]
    [InlineData(2_500L, "2.5µs")]
    [InlineData(1_500_000L, "1.5ms")]
    [InlineData(1_500_000_000L, "1.5s")]
    [InlineData(90_000_000_000L, "1m30s")]
    [InlineData(3_600_000_000_000L, "1h0m0s")]
    [InlineData(3_723_000_000_001L, "1h2m3.000000001s")]
    [InlineData(-2_000_000_000L, "-2s")]
    [InlineData(long.MinValue, "-2562047h47m16.854775808s")]
    public void Format_Nanoseconds_MatchesGoDurationString(long nanoseconds, string expected)
    {
        var text = GoDuration.Format(nanoseconds);

        Assert.Equal(expected, text);
    }
}
