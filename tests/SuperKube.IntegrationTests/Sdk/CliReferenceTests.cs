using SuperKube.Host;
using SuperKube.IntegrationTests.Infrastructure;

namespace SuperKube.IntegrationTests.Sdk;

/// <summary>docs/cli.md is the reference generated from the command definitions; regenerate with SUPERKUBE_UPDATE_DOCS=1.</summary>
public sealed class CliReferenceTests
{
    [Fact]
    public void CliReference_CheckedInPage_MatchesTheCommandDefinitions()
    {
        var path = Path.Combine(RepositoryPaths.Root, "docs", "cli.md");
        var generated = CliReference.Markdown(SuperKubeCli.Build());
        if (Environment.GetEnvironmentVariable("SUPERKUBE_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, generated);
        }

        Assert.True(File.Exists(path), "docs/cli.md is missing: run this test with SUPERKUBE_UPDATE_DOCS=1");
        Assert.Equal(generated, File.ReadAllText(path));
        Assert.Contains("| `--runtime` |", generated);
        Assert.Contains("## superkube node", generated);
    }
}
