namespace SuperKube.Runtime.Docker.Client.Tests;

public sealed class DockerApiVersionTests
{
    [Theory]
    [InlineData("1.41", "1.41")]
    [InlineData("1.45", "1.41")]
    [InlineData("2.0", "1.41")]
    [InlineData("1.40", "1.40")]
    [InlineData("1.9", "1.9")]
    [InlineData(null, "1.41")]
    [InlineData("garbage", "1.41")]
    public void Negotiate_ServerVersion_LowerOfBoth(string? server, string expected) =>
        Assert.Equal(expected, DockerApiVersion.Negotiate(server));
}
