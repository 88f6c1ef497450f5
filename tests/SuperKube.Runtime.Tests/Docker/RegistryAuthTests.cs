using System.Text;
using System.Text.Json.Nodes;
using SuperKube.Runtime.Containers;
using SuperKube.Runtime.Docker.Client;

namespace SuperKube.Runtime.Docker.Tests;

/// <summary>Pull secrets reach the engine as <c>X-Registry-Auth</c>, for the image's registry only (against a fake engine on a unix socket).</summary>
public sealed class RegistryAuthTests
{
    [Fact]
    public async Task PullImageAsync_CredentialsForTheImageRegistry_SendsThemAsRegistryAuth()
    {
        await using var engine = await FakeDockerEngine.StartAsync();
        using var docker = new DockerClient(engine.Endpoint);
        var runtime = new DockerContainerRuntime(docker, TimeProvider.System, new DockerRuntimeOptions());
        var sandbox = Sandbox(
            new RegistryCredential("https://other.example.com", "wrong", "nope"),
            new RegistryCredential("registry.example.com:5000", "alice", "s3cret"));

        await runtime.PullImageAsync("registry.example.com:5000/team/app:1.0", ImagePullPolicy.IfNotPresent, sandbox, TestContext.Current.CancellationToken);

        var (image, header) = Assert.Single(engine.Pulls);
        Assert.Equal("registry.example.com:5000/team/app:1.0", image);
        var auth = Decode(header);
        Assert.Equal("alice", (string?)auth["username"]);
        Assert.Equal("s3cret", (string?)auth["password"]);
        Assert.Equal("registry.example.com:5000", (string?)auth["serveraddress"]);
    }

    [Fact]
    public async Task PullImageAsync_NoCredentialForTheRegistry_PullsAnonymously()
    {
        await using var engine = await FakeDockerEngine.StartAsync();
        using var docker = new DockerClient(engine.Endpoint);
        var runtime = new DockerContainerRuntime(docker, TimeProvider.System, new DockerRuntimeOptions());

        await runtime.PullImageAsync("busybox:1.36", ImagePullPolicy.Always, Sandbox(new RegistryCredential("registry.example.com", "alice", "x")), TestContext.Current.CancellationToken);

        Assert.Null(Assert.Single(engine.Pulls).Auth);
    }

    [Fact]
    public void For_DockerHubImageAndIndexKey_DockerHubAddressAndPaddedBase64Url()
    {
        var header = RegistryAuthHeader.For("library/busybox", [new RegistryCredential("https://index.docker.io/v1/", "bob", "pw?>")]);

        Assert.NotNull(header);
        Assert.DoesNotContain('+', header);
        Assert.DoesNotContain('/', header);
        Assert.Equal(0, header.Length % 4);
        Assert.Equal(RegistryAuthHeader.DockerHubAddress, (string?)Decode(header)["serveraddress"]);
    }

    private static PodSandboxSpec Sandbox(params RegistryCredential[] credentials) =>
        new() { PodUid = "uid", Namespace = "ns", Name = "web", PullCredentials = credentials };

    private static JsonObject Decode(string? header)
    {
        Assert.NotNull(header);
        var base64 = header.Replace('-', '+').Replace('_', '/');
        return Assert.IsType<JsonObject>(JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(base64))));
    }
}
