using SuperKube.IntegrationTests.Infrastructure;

namespace SuperKube.IntegrationTests.Kubectl;

/// <summary>kubectl auth whoami / can-i post protobuf self reviews; the answers come from the request pipeline.</summary>
public sealed class KubectlAuthTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Whoami_Admin_PrintsUserAndGroups()
    {
        var result = (await server.Kubectl.RunAsync("auth", "whoami")).EnsureSuccess();

        Assert.Matches(@"Username\s+admin", result.StdOut);
        Assert.Contains("system:masters", result.StdOut);
    }

    [Fact]
    public async Task CanI_Admin_IsAllowed()
    {
        var single = (await server.Kubectl.RunAsync("auth", "can-i", "delete", "deployments")).EnsureSuccess();
        var list = (await server.Kubectl.RunAsync("auth", "can-i", "--list")).EnsureSuccess();

        Assert.Equal("yes", single.StdOut.Trim());
        Assert.Contains("*.*", list.StdOut);
    }
}
