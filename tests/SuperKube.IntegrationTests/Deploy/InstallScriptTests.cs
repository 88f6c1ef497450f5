namespace SuperKube.IntegrationTests.Deploy;

/// <summary>deploy/install.sh and deploy/uninstall.sh into a temporary prefix, and the systemd units they install.</summary>
public sealed class InstallScriptTests
{
    private static readonly string[] Promised =
    [
        "/usr/local/bin/superkube",
        "/etc/systemd/system/superkube-server.service",
        "/etc/systemd/system/superkube-node.service",
        "/etc/superkube/server.env",
        "/etc/superkube/node.env",
        "/usr/lib/sysusers.d/superkube.conf",
        "/usr/local/share/doc/superkube/deploy.md",
    ];

    [Fact]
    public async Task Install_RunTwice_InstallsPromisedFilesAndSameTree()
    {
        using var tree = new InstallTree();

        await tree.InstallAsync("server");
        await tree.InstallAsync("node");
        var first = await tree.SnapshotAsync();
        await tree.InstallAsync("server");
        await tree.InstallAsync("node");
        var second = await tree.SnapshotAsync();

        Assert.All(Promised, path => Assert.True(File.Exists(tree.PathOf(path)), path + " is missing"));
        Assert.True(Directory.Exists(tree.PathOf("/var/lib/superkube")));
        Assert.Matches(@"(?m)^superkube:x:\d+:\d+:SuperKube:/var/lib/superkube:/usr/sbin/nologin$", await File.ReadAllTextAsync(tree.PathOf("/etc/passwd")));
        Assert.Contains("./var/lib/superkube d 750", first);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Install_EnvFileEdited_KeepsTheEdit()
    {
        using var tree = new InstallTree();
        await tree.InstallAsync("server");
        var env = tree.PathOf("/etc/superkube/server.env");
        await File.AppendAllTextAsync(env, "DATABASE_URL=postgres://u:p@db:5432/k\n");

        await tree.InstallAsync("server");

        Assert.EndsWith("DATABASE_URL=postgres://u:p@db:5432/k\n", await File.ReadAllTextAsync(env));
    }

    [Fact]
    public async Task Install_NodeWithDockerGroup_AddsUserToDockerGroup()
    {
        using var tree = new InstallTree();
        Directory.CreateDirectory(tree.PathOf("/etc"));
        await File.WriteAllTextAsync(tree.PathOf("/etc/group"), "docker:x:998:alice\n");

        await tree.InstallAsync("node");
        await tree.InstallAsync("node");

        Assert.Contains("docker:x:998:alice,superkube\n", await File.ReadAllTextAsync(tree.PathOf("/etc/group")));
    }

    [Fact]
    public async Task Units_Installed_PassSystemdAnalyzeVerify()
    {
        using var tree = new InstallTree();
        await tree.InstallAsync("server");
        await tree.InstallAsync("node");
        // verify checks that ExecStart's program exists: point it at the prefix's copy of the binary.
        var units = Directory.CreateTempSubdirectory("superkube-units-").FullName;
        try
        {
            foreach (var role in new[] { "server", "node" })
            {
                var text = await File.ReadAllTextAsync(tree.PathOf($"/etc/systemd/system/superkube-{role}.service"));
                await File.WriteAllTextAsync(Path.Combine(units, $"superkube-{role}.service"), text.Replace("/usr/local/bin/superkube", tree.PathOf("/usr/local/bin/superkube"), StringComparison.Ordinal));
            }

            var result = await Command.RunAsync(
                "systemd-analyze", ["verify", "--man=no", Path.Combine(units, "superkube-server.service"), Path.Combine(units, "superkube-node.service")], TimeSpan.FromSeconds(60));

            Assert.True(result.ExitCode == 0 && result.StdErr.Length == 0, result.ToString());
        }
        finally
        {
            Directory.Delete(units, recursive: true);
        }
    }

    [Fact]
    public async Task Uninstall_WithoutPurge_KeepsDataSettingsAndUser()
    {
        using var tree = new InstallTree();
        await tree.InstallAsync("server");
        await File.WriteAllTextAsync(tree.PathOf("/var/lib/superkube/superkube.db"), "data");

        await tree.UninstallAsync();

        Assert.False(File.Exists(tree.PathOf("/usr/local/bin/superkube")));
        Assert.False(File.Exists(tree.PathOf("/etc/systemd/system/superkube-server.service")));
        Assert.True(File.Exists(tree.PathOf("/var/lib/superkube/superkube.db")));
        Assert.True(File.Exists(tree.PathOf("/etc/superkube/server.env")));
        Assert.Contains("superkube:", await File.ReadAllTextAsync(tree.PathOf("/etc/passwd")));
    }

    [Fact]
    public async Task Uninstall_Purge_RemovesDataSettingsAndUser()
    {
        using var tree = new InstallTree();
        await tree.InstallAsync("server");

        await tree.UninstallAsync("--purge");

        Assert.False(Directory.Exists(tree.PathOf("/var/lib/superkube")));
        Assert.False(Directory.Exists(tree.PathOf("/etc/superkube")));
        Assert.DoesNotContain("superkube", await File.ReadAllTextAsync(tree.PathOf("/etc/passwd")));
        Assert.DoesNotContain("superkube", await File.ReadAllTextAsync(tree.PathOf("/etc/group")));
    }
}
