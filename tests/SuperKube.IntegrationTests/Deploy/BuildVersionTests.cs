using SuperKube.Host;

namespace SuperKube.IntegrationTests.Deploy;

public sealed class BuildVersionTests
{
    [Theory]
    [InlineData("0.1.0+abc1234def5678", "superkube 0.1.0 (commit abc1234)")]
    [InlineData("0.1.0+abc", "superkube 0.1.0 (commit abc)")]
    [InlineData("0.1.0", "superkube 0.1.0 (commit unknown)")]
    [InlineData(null, "superkube 0.0.0 (commit unknown)")]
    public void Describe_InformationalVersion_PrintsVersionAndShortCommit(string? informational, string expected) =>
        Assert.Equal(expected, BuildVersion.Describe(informational));

    [Fact]
    public async Task Version_Option_PrintsBuildLine()
    {
        var output = new StringWriter();
        var exit = await SuperKubeCli.Build().Parse(["--version"]).InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output });

        Assert.Equal(0, exit);
        Assert.Matches(@"^superkube \d+\.\d+\.\d+ \(commit [0-9a-f]{7}\)\s*$", output.ToString());
    }
}
