namespace SuperKube.IntegrationTests.Deploy;

/// <summary>
/// An external component a test needs (the Debian root filesystem, Docker): the test skips when it is missing,
/// unless CI requires it with SUPERKUBE_REQUIRE_X=1, which makes the test fail instead.
/// </summary>
public static class Requirement
{
    /// <param name="missing">Why the component is unavailable, or null when it is there.</param>
    public static void Require(string? missing, string variable)
    {
        if (missing is null)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable(variable) == "1")
        {
            Assert.Fail($"{missing} {variable}=1 requires it.");
        }

        Assert.Skip(missing);
    }

    /// <summary>The Debian root filesystem made by build/need-rootfs.sh, at SUPERKUBE_DEBIAN_ROOTFS.</summary>
    public static string DebianRootfs()
    {
        var path = Environment.GetEnvironmentVariable("SUPERKUBE_DEBIAN_ROOTFS");
        var missing = string.IsNullOrEmpty(path)
            ? "SUPERKUBE_DEBIAN_ROOTFS is not set (make the root filesystem with build/need-rootfs.sh)."
            : !File.Exists(Path.Combine(path, "bin", "sh")) ? $"SUPERKUBE_DEBIAN_ROOTFS={path} is not a root filesystem." : null;
        Require(missing, "SUPERKUBE_REQUIRE_ROOTFS");
        return path!;
    }

    /// <summary>A running Docker engine that the docker CLI reaches.</summary>
    public static async Task DockerAsync()
    {
        string? missing = null;
        if (!Command.Exists("docker"))
        {
            missing = "The docker CLI is not installed.";
        }
        else if ((await Command.RunAsync("docker", ["info", "--format", "{{.ServerVersion}}"], TimeSpan.FromSeconds(30))).ExitCode != 0)
        {
            missing = "The Docker engine is not running.";
        }

        Require(missing, "SUPERKUBE_REQUIRE_DOCKER");
    }
}
