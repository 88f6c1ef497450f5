namespace SuperKube.Runtime.Docker.Tests;

public sealed class DockerTimeTests
{
    [Fact]
    public void Parse_Nanoseconds_TruncatedToTicks() =>
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero).AddTicks(1234567), DockerTime.Parse("2024-05-01T10:00:00.123456789Z"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0001-01-01T00:00:00Z")]
    public void Parse_Never_Null(string? value) => Assert.Null(DockerTime.Parse(value));

    [Fact]
    public void UnixSeconds_FractionInNanoseconds() =>
        Assert.Equal("1.500000000", DockerTime.UnixSeconds(DateTimeOffset.UnixEpoch.AddMilliseconds(1500)));
}
