using System.Diagnostics;
using SuperKube.Runtime.Docker.Client;

[assembly: AssemblyFixture(typeof(SuperKube.Runtime.Docker.Tests.DockerEngine))]

namespace SuperKube.Runtime.Docker.Tests;

/// <summary>
/// The Docker engine for the test run (DOCKER_HOST or the default socket), with a busybox test image imported (when absent) through
/// SuperKube's own client from the machine's static busybox. Without an engine or busybox the tests that need them
/// skip, unless SUPERKUBE_REQUIRE_DOCKER=1 (CI), which makes them fail.
/// </summary>
public sealed class DockerEngine : IAsyncLifetime
{
    /// <summary>
    /// The test image: busybox with an applet link for every command in <c>/bin</c>. Imported when absent; change the
    /// tag when the image's layout changes.
    /// </summary>
    public const string TestImage = "superkube-test/busybox:sk1";

    private static readonly string[] BusyboxPaths = ["/bin/busybox", "/usr/bin/busybox"];

    /// <summary>Debian's busybox has no printenv applet: a script stands in.</summary>
    private static readonly byte[] PrintEnv = """
        #!/bin/sh
        [ $# -eq 0 ] && exec env
        code=0
        for name in "$@"; do
          if eval "[ -n \"\${$name+set}\" ]"; then eval "printf '%s\n' \"\$$name\""; else code=1; fi
        done
        exit $code

        """u8.ToArray();

    private string? _unavailable;

    public async ValueTask InitializeAsync()
    {
        var endpoint = DockerEndpoint.FromEnvironment();
        using var client = new DockerClient(endpoint);
        try
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await client.GetVersionAsync(limit.Token);
        }
        catch (Exception ex) when (ex is Containers.ContainerRuntimeException or OperationCanceledException)
        {
            _unavailable = $"Docker engine unavailable: {ex.Message}";
            return;
        }

        if (await client.InspectImageAsync(TestImage, CancellationToken.None) is not null)
        {
            return;
        }

        var busybox = BusyboxPaths.FirstOrDefault(File.Exists);
        if (busybox is null)
        {
            _unavailable = "a static busybox (/bin/busybox, Debian's busybox-static) is needed to build the Docker test image.";
            return;
        }

        using var archive = await BusyboxArchiveAsync(busybox);
        await client.ImportImageAsync(archive, TestImage, CancellationToken.None);
    }

    /// <summary>Whether the engine answered and the test image is in place.</summary>
    public bool IsAvailable => _unavailable is null;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Skips the calling test when Docker is unavailable, or fails it when CI requires Docker.</summary>
    public void Require()
    {
        if (_unavailable is null)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable("SUPERKUBE_REQUIRE_DOCKER") == "1")
        {
            Assert.Fail(_unavailable + " SUPERKUBE_REQUIRE_DOCKER=1 requires it.");
        }

        Assert.Skip(_unavailable);
    }

    /// <summary>A root file system: bin/busybox, a link per applet, and the usual empty directories.</summary>
    internal static async Task<MemoryStream> BusyboxArchiveAsync(string busybox)
    {
        var list = Process.Start(new ProcessStartInfo(busybox, "--list") { RedirectStandardOutput = true, UseShellExecute = false })!;
        var applets = (await list.StandardOutput.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        await list.WaitForExitAsync();
        var archive = new RootFileSystemArchive()
            .AddFile("bin/busybox", await File.ReadAllBytesAsync(busybox), (UnixFileMode)0x1ED)
            .AddDirectory("tmp")
            .AddDirectory("etc")
            .AddDirectory("root")
            .AddDirectory("var/www")
            .AddFile("bin/printenv", PrintEnv, (UnixFileMode)0x1ED);
        foreach (var applet in applets.Where(a => a != "busybox"))
        {
            archive.AddSymlink("bin/" + applet, "busybox");
        }

        return archive.Build();
    }
}
