namespace SuperKube.IntegrationTests.Deploy;

/// <summary>The published single-file binary on a minimal Debian (debootstrap minbase) without .NET installed.</summary>
public sealed class ChrootTests
{
    [Fact]
    public async Task PublishedBinary_InMinimalDebian_ServesKubectl()
    {
        var rootfs = Requirement.DebianRootfs();
        var binary = await PublishedBinary.GetAsync();
        Assert.False(Directory.Exists(Path.Combine(rootfs, "usr", "share", "dotnet")), "the root filesystem must not have .NET");

        await using var server = await ChrootServer.StartAsync(rootfs, binary);
        var k = server.Kubectl;
        (await k.RunAsync("wait", "--for=condition=Ready", "node", "--all", "--timeout=60s")).EnsureSuccess();
        (await k.RunAsync("create", "configmap", "shipped", "--from-literal=binary=single-file")).EnsureSuccess();
        var value = (await k.RunAsync("get", "configmap", "shipped", "-o", "jsonpath={.data.binary}")).EnsureSuccess().StdOut;

        Assert.Equal("single-file", value);
        Assert.Matches(@"superkube \d+\.\d+\.\d+ \(commit [0-9a-f]{7}\), Kubernetes API", server.Output);
        Assert.True(File.Exists(Path.Combine(server.HostDir, "data", "superkube.db")));
    }
}
