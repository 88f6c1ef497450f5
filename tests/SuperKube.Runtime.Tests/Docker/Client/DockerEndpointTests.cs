using SuperKube.Runtime.Containers;

namespace SuperKube.Runtime.Docker.Client.Tests;

public sealed class DockerEndpointTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Parse_Unset_DefaultSocket(string? value)
    {
        var endpoint = DockerEndpoint.Parse(value);

        Assert.Equal("/var/run/docker.sock", endpoint.SocketPath);
        Assert.Equal("unix:///var/run/docker.sock", endpoint.Address);
    }

    [Fact]
    public void Parse_UnixPath_UsesThePath()
    {
        var endpoint = DockerEndpoint.Parse("unix:///run/user/1000/docker.sock");

        Assert.Equal("/run/user/1000/docker.sock", endpoint.SocketPath);
        Assert.Null(endpoint.Host);
    }

    [Theory]
    [InlineData("tcp://10.0.0.5:2376", "10.0.0.5", 2376)]
    [InlineData("tcp://docker.example:2375/", "docker.example", 2375)]
    [InlineData("tcp://docker.example", "docker.example", 2375)]
    [InlineData("tcp://[::1]:2375", "::1", 2375)]
    public void Parse_Tcp_HostAndPort(string value, string host, int port)
    {
        var endpoint = DockerEndpoint.Parse(value);

        Assert.Null(endpoint.SocketPath);
        Assert.Equal(host, endpoint.Host);
        Assert.Equal(port, endpoint.Port);
    }

    [Theory]
    [InlineData("ssh://user@host")]
    [InlineData("npipe:////./pipe/docker_engine")]
    [InlineData("unix://")]
    [InlineData("tcp://host:notaport")]
    public void Parse_Unsupported_Throws(string value)
    {
        var ex = Assert.Throws<ArgumentException>(() => DockerEndpoint.Parse(value));

        Assert.Contains(value, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetVersion_NoEngine_ClearError()
    {
        var path = Path.Combine(Path.GetTempPath(), "superkube-absent-" + Guid.NewGuid().ToString("N")[..8] + ".sock");
        using var client = new DockerClient(DockerEndpoint.Parse("unix://" + path));

        var ex = await Assert.ThrowsAsync<ContainerRuntimeException>(() => client.GetVersionAsync(TestContext.Current.CancellationToken));

        Assert.StartsWith($"cannot reach the Docker engine at unix://{path}: ", ex.Message, StringComparison.Ordinal);
    }
}
