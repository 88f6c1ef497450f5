using SuperKube.IntegrationTests.Infrastructure;

namespace SuperKube.IntegrationTests.Deploy;

public sealed class PublishTests
{
    [Fact]
    public async Task Publish_RuntimeWithoutPacks_FailsWithClearMessage()
    {
        var output = Directory.CreateTempSubdirectory("superkube-arm64-").FullName;
        try
        {
            var result = await Command.RunAsync(
                "bash", [Path.Combine(RepositoryPaths.Root, "build", "publish.sh"), "-r", "linux-arm64", "-o", output], TimeSpan.FromMinutes(3));

            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("error SUPERKUBE001: superkube cannot be published for 'linux-arm64' here", result.StdOut + result.StdErr);
            Assert.False(File.Exists(Path.Combine(output, "superkube")));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public async Task PublishedBinary_Version_PrintsVersionAndCommit()
    {
        var binary = await PublishedBinary.GetAsync();

        var result = (await Command.RunAsync(binary, ["--version"], TimeSpan.FromSeconds(60))).EnsureSuccess();

        Assert.Matches(@"^superkube \d+\.\d+\.\d+ \(commit [0-9a-f]{7}\)\s*$", result.StdOut);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(binary)!));
    }
}
