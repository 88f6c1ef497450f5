using SuperKube.Runtime.Containers;
using SuperKube.Runtime.Docker.Api;

namespace SuperKube.Runtime.Docker.Tests;

public sealed class DockerContainerRequestTests
{
    private static readonly ContainerInspectResponse Sandbox = new() { Id = "sandbox-1" };

    [Theory]
    [InlineData(1000L, 3000L, null, "1000:3000")]
    [InlineData(1000L, null, null, "1000")]
    [InlineData(null, 3000L, "app", "app:3000")]
    [InlineData(null, 3000L, "", "0:3000")]
    [InlineData(null, null, "app", null)]
    public void Create_RunAsUserAndGroup_DockerUser(long? uid, long? gid, string? imageUser, string? expected)
    {
        var spec = new ContainerSpec { Name = "main", Image = "busybox", RunAsUser = uid, RunAsGroup = gid };

        var request = DockerContainerRequest.Create(Sandbox, spec, imageUser);

        Assert.Equal(expected, request.User);
    }

    [Fact]
    public void Create_SupplementalGroups_GroupAdd()
    {
        var spec = new ContainerSpec { Name = "main", Image = "busybox", SupplementalGroups = [4000, 5000] };

        var request = DockerContainerRequest.Create(Sandbox, spec);

        Assert.Equal(["4000", "5000"], request.HostConfig.GroupAdd);
    }

    [Fact]
    public void Create_NoGroups_NoGroupAdd()
    {
        var request = DockerContainerRequest.Create(Sandbox, new ContainerSpec { Name = "main", Image = "busybox" });

        Assert.Null(request.HostConfig.GroupAdd);
        Assert.Null(request.User);
    }
}
