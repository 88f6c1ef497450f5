namespace SuperKube.IntegrationTests.Deploy;

/// <summary>
/// The single-file <c>superkube</c> executable, published by build/publish.sh once per test run (without ReadyToRun) (the first test that
/// asks waits for it). Its build output goes to artifacts/test-build, away from the projects' own bin/ and obj/.
/// </summary>
public static class PublishedBinary
{
    private static readonly Lazy<Task<string>> Published = new(PublishAsync);

    public static Task<string> GetAsync() => Published.Value;

    private static async Task<string> PublishAsync()
    {
        var root = Infrastructure.RepositoryPaths.Root;
        var output = Path.Combine(root, "artifacts", "test-publish");
        var script = Path.Combine(root, "build", "publish.sh");
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        // Without ReadyToRun: compiling ahead of time changes start-up speed, not behaviour, and takes minutes on a
        // busy 2-core machine. No build servers, so nothing outlives the publish.
        string[] args = [script, "-o", output, "--artifacts-path", Path.Combine(root, "artifacts", "test-build"), "-p:PublishReadyToRun=false", "--disable-build-servers"];
        var result = await Command.RunAsync("bash", args, TimeSpan.FromMinutes(15));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("build/publish.sh failed:\n" + result);
        }

        return Path.Combine(output, "superkube");
    }
}
