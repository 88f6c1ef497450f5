namespace SuperKube.Runtime.Containers.Tests;

public sealed class ImageRegistryTests
{
    [Theory]
    [InlineData("busybox", "docker.io")]
    [InlineData("library/busybox:1.36", "docker.io")]
    [InlineData("registry.example.com/app", "registry.example.com")]
    [InlineData("registry:5000/team/app:1", "registry:5000")]
    [InlineData("localhost/app", "localhost")]
    [InlineData("Registry.Example.com/app@sha256:00", "registry.example.com")]
    public void Host_ImageReference_RegistryHost(string image, string expected) => Assert.Equal(expected, ImageRegistry.Host(image));

    [Theory]
    [InlineData("registry.example.com", "registry.example.com", true)]
    [InlineData("https://registry.example.com/v2/", "registry.example.com", true)]
    [InlineData("registry.example.com", "registry.example.com:5000", false)]
    [InlineData("*.example.com", "registry.example.com", true)]
    [InlineData("*.example.com", "a.b.example.com", false)]
    [InlineData("https://index.docker.io/v1/", "docker.io", true)]
    [InlineData("other.example.com", "docker.io", false)]
    public void Matches_SecretKeyAndHost(string key, string host, bool expected) => Assert.Equal(expected, ImageRegistry.Matches(key, host));
}
