namespace SuperKube.Runtime.Docker.Client.Tests;

public sealed class DockerImageReferenceTests
{
    [Theory]
    [InlineData("busybox:1.36", "busybox", "1.36")]
    [InlineData("busybox", "busybox", "latest")]
    [InlineData("registry.local:5000/team/app", "registry.local:5000/team/app", "latest")]
    [InlineData("registry.local:5000/team/app:v2", "registry.local:5000/team/app", "v2")]
    [InlineData("app@sha256:abcd", "app@sha256:abcd", null)]
    public void Split_Reference_RepositoryAndTag(string reference, string name, string? tag) =>
        Assert.Equal((name, tag), DockerImageReference.Split(reference));
}
