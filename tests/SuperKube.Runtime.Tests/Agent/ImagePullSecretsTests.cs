using System.Text;
using System.Text.Json.Nodes;
using SuperKube.Client;
using SuperKube.Model.Core;
using SuperKube.Model.Meta;
using SuperKube.Runtime.Tests;

namespace SuperKube.Runtime.Agent.Tests;

/// <summary>The node's lookup of a pod's pull secrets through the API: the pod's own, else its ServiceAccount's.</summary>
public sealed class ImagePullSecretsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ResolveAsync_PodListsSecrets_TheirCredentialsInOrderAndMissingReported()
    {
        await using var cluster = await TestCluster.StartAsync();
        await CreateSecretAsync(cluster.Client, "first", "registry.example.com", "alice");
        await CreateSecretAsync(cluster.Client, "second", "other.example.com", "bob");
        var pod = Pod(serviceAccount: null, "second", "gone", "first");

        var (credentials, missing) = await new ImagePullSecrets(cluster.Client).ResolveAsync(pod, Ct);

        Assert.Equal(["bob", "alice"], credentials.Select(c => c.Username));
        Assert.Equal(["gone"], missing);
    }

    [Fact]
    public async Task ResolveAsync_PodListsNone_ServiceAccountSecrets()
    {
        await using var cluster = await TestCluster.StartAsync();
        await CreateSecretAsync(cluster.Client, "robot-pull", "registry.example.com", "robot");
        var account = JsonNode.Parse("""{"metadata":{"name":"builder"},"imagePullSecrets":[{"name":"robot-pull"}]}""")!.AsObject();
        await cluster.Client.CreateAsync(ApiResource.ServiceAccounts, "default", account, Ct);

        var (credentials, missing) = await new ImagePullSecrets(cluster.Client).ResolveAsync(Pod("builder"), Ct);
        var (none, _) = await new ImagePullSecrets(cluster.Client).ResolveAsync(Pod("absent-account"), Ct);

        Assert.Equal("robot", Assert.Single(credentials).Username);
        Assert.Empty(missing);
        Assert.Empty(none);
    }

    private static Pod Pod(string? serviceAccount, params string[] secrets) => new()
    {
        Metadata = new ObjectMeta { Name = "web", Namespace = "default" },
        Spec = new PodSpec
        {
            ServiceAccountName = serviceAccount,
            ImagePullSecrets = [.. secrets.Select(s => new LocalObjectReference { Name = s })],
            Containers = [new Container { Name = "main", Image = "registry.example.com/app" }],
        },
    };

    private static async Task CreateSecretAsync(IKubernetesClient client, string name, string registry, string user)
    {
        var entry = new JsonObject { ["username"] = user, ["password"] = "pw" };
        var config = new JsonObject { ["auths"] = new JsonObject { [registry] = entry } }.ToJsonString();
        var secret = new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = name },
            ["type"] = "kubernetes.io/dockerconfigjson",
            ["data"] = new JsonObject { [".dockerconfigjson"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(config)) },
        };
        await client.CreateAsync(ApiResource.Secrets, "default", secret, Ct);
    }
}
