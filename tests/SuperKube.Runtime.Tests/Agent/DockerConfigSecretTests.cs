using System.Text;
using System.Text.Json.Nodes;

namespace SuperKube.Runtime.Agent.Tests;

public sealed class DockerConfigSecretTests
{
    [Fact]
    public void Credentials_DockerConfigJson_UsernameAndPasswordPerRegistry()
    {
        var secret = Secret(DockerConfigSecret.ConfigJsonType, ".dockerconfigjson",
            """{"auths":{"registry.example.com":{"username":"alice","password":"pw"},"other.example.com":{"auth":"Ym9iOnNlY3JldDp3aXRoOmNvbG9ucw=="}}}""");

        var credentials = DockerConfigSecret.Credentials(secret);

        Assert.Equal(2, credentials.Count);
        Assert.Equal(("registry.example.com", "alice", "pw"), (credentials[0].Registry, credentials[0].Username, credentials[0].Password));
        Assert.Equal(("other.example.com", "bob", "secret:with:colons"), (credentials[1].Registry, credentials[1].Username, credentials[1].Password));
    }

    [Fact]
    public void Credentials_LegacyDockerCfg_TopLevelRegistries()
    {
        var secret = Secret(DockerConfigSecret.ConfigType, ".dockercfg", """{"https://index.docker.io/v1/":{"username":"carol","password":"pw","email":"c@example.com"}}""");

        var credential = Assert.Single(DockerConfigSecret.Credentials(secret));

        Assert.Equal(("https://index.docker.io/v1/", "carol"), (credential.Registry, credential.Username));
    }

    [Theory]
    [InlineData("Opaque", ".dockerconfigjson", """{"auths":{"r":{"username":"u","password":"p"}}}""")]
    [InlineData("kubernetes.io/dockerconfigjson", ".dockerconfigjson", "not json")]
    [InlineData("kubernetes.io/dockerconfigjson", ".dockercfg", """{"auths":{"r":{"username":"u","password":"p"}}}""")]
    public void Credentials_WrongTypeOrUnreadableData_None(string type, string key, string json) =>
        Assert.Empty(DockerConfigSecret.Credentials(Secret(type, key, json)));

    private static JsonObject Secret(string type, string key, string json) => new()
    {
        ["type"] = type,
        ["data"] = new JsonObject { [key] = Convert.ToBase64String(Encoding.UTF8.GetBytes(json)) },
    };
}
