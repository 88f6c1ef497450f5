using Microsoft.Extensions.DependencyInjection;
using SuperKube.IntegrationTests.Infrastructure;
using SuperKube.Security.Authentication;

namespace SuperKube.IntegrationTests.Security;

/// <summary>The real kubectl over TLS (CA verified from the kubeconfig): RBAC, can-i, service-account tokens.</summary>
public sealed class KubectlSecurityTests(SecureServerFixture server) : IClassFixture<SecureServerFixture>
{
    private async Task<string> NamespaceAsync()
    {
        var ns = "sec-" + Guid.NewGuid().ToString("N")[..8];
        (await server.Kubectl.RunAsync("create", "namespace", ns)).EnsureSuccess();
        return ns;
    }

    [Fact]
    public async Task Kubeconfig_HttpsWithEmbeddedCa_KubectlVerifiesAndIsAdmin()
    {
        var config = await File.ReadAllTextAsync(server.KubeconfigPath);

        var whoami = (await server.Kubectl.RunAsync("auth", "whoami")).EnsureSuccess();
        var roles = (await server.Kubectl.RunAsync("get", "clusterroles", "-o", "name")).EnsureSuccess();

        Assert.StartsWith("https://", server.Url.ToString());
        Assert.Contains("certificate-authority-data:", config);
        Assert.Contains("client-certificate-data:", config);
        Assert.DoesNotContain("insecure-skip-tls-verify", config);
        Assert.Contains("system:masters", whoami.StdOut);
        Assert.Contains("clusterrole.rbac.authorization.k8s.io/view", roles.StdOut);
        Assert.Contains("clusterrole.rbac.authorization.k8s.io/system:node", roles.StdOut);
    }

    [Fact]
    public async Task ViewBinding_CanGetButNotDelete_ForbiddenWithUpstreamMessage()
    {
        var ns = await NamespaceAsync();
        (await server.Kubectl.RunAsync("create", "configmap", "cfg", "-n", ns, "--from-literal=a=1")).EnsureSuccess();
        (await server.Kubectl.RunAsync("create", "rolebinding", "jane-view", "--clusterrole=view", "--user=jane", "-n", ns)).EnsureSuccess();
        var jane = server.KubectlAs("jane", "dev");

        var get = await jane.RunAsync("get", "configmap", "cfg", "-n", ns);
        var delete = await jane.RunAsync("delete", "configmap", "cfg", "-n", ns);
        var otherNs = await jane.RunAsync("get", "pods", "-n", "default");

        get.EnsureSuccess();
        Assert.NotEqual(0, delete.ExitCode);
        Assert.Contains($"Error from server (Forbidden): configmaps \"cfg\" is forbidden: User \"jane\" cannot delete resource \"configmaps\" in API group \"\" in the namespace \"{ns}\"", delete.StdErr);
        Assert.Contains("pods is forbidden: User \"jane\" cannot list resource \"pods\" in API group \"\" in the namespace \"default\"", otherNs.StdErr);
    }

    [Fact]
    public async Task CanI_SeveralUsers_AnswersFromRbac()
    {
        var ns = await NamespaceAsync();
        (await server.Kubectl.RunAsync("create", "rolebinding", "ed", "--clusterrole=edit", "--user=erin", "-n", ns)).EnsureSuccess();
        (await server.Kubectl.RunAsync("create", "rolebinding", "vw", "--clusterrole=view", "--group=viewers", "-n", ns)).EnsureSuccess();
        var erin = server.KubectlAs("erin");
        var victor = server.KubectlAs("victor", "viewers");
        var nobody = server.KubectlAs("nobody");

        async Task<string> Ask(Infrastructure.Kubectl k, params string[] args) => (await k.RunAsync(["auth", "can-i", .. args, "-n", ns], null, Infrastructure.Kubectl.DefaultTimeout)).StdOut.Trim();

        Assert.Equal("yes", await Ask(server.Kubectl, "delete", "nodes"));
        Assert.Equal("yes", await Ask(erin, "delete", "deployments.apps"));
        Assert.Equal("yes", await Ask(erin, "get", "secrets"));
        Assert.Equal("no", await Ask(erin, "create", "rolebindings.rbac.authorization.k8s.io"));
        Assert.Equal("yes", await Ask(victor, "list", "pods"));
        Assert.Equal("no", await Ask(victor, "delete", "pods"));
        Assert.Equal("no", await Ask(nobody, "list", "pods"));
    }

    [Fact]
    public async Task CanIList_ViewUser_ListsOnlyTheViewRules()
    {
        var ns = await NamespaceAsync();
        (await server.Kubectl.RunAsync("create", "rolebinding", "viewers", "--clusterrole=view", "--group=list-viewers", "-n", ns)).EnsureSuccess();
        var viewer = server.KubectlAs("lisa", "list-viewers");

        var list = (await viewer.RunAsync(["auth", "can-i", "--list", "-n", ns], null, Infrastructure.Kubectl.DefaultTimeout)).EnsureSuccess().StdOut;
        var admin = (await server.Kubectl.RunAsync("auth", "can-i", "--list", "-n", ns)).EnsureSuccess().StdOut;

        Assert.Matches(@"(?m)^pods\s+\[\]\s+\[\]\s+\[get list watch\]", list);
        Assert.DoesNotContain("*.*", list);
        Assert.DoesNotMatch(@"\bdelete\b", list);
        Assert.Contains("*.*", admin);
    }

    [Fact]
    public async Task CreateToken_ServiceAccount_WorksAndBadTokensAreRejected()
    {
        var ns = await NamespaceAsync();
        (await server.Kubectl.RunAsync("create", "serviceaccount", "builder", "-n", ns)).EnsureSuccess();
        (await server.Kubectl.RunAsync("create", "rolebinding", "b", "--clusterrole=view", $"--serviceaccount={ns}:builder", "-n", ns)).EnsureSuccess();
        var token = (await server.Kubectl.RunAsync("create", "token", "builder", "-n", ns, "--duration=20m")).EnsureSuccess().StdOut.Trim();
        var vault = (await server.Kubectl.RunAsync("create", "token", "builder", "-n", ns, "--audience=vault")).EnsureSuccess().StdOut.Trim();
        var tokens = server.Services.GetRequiredService<ServiceAccountTokens>();
        var uid = (await server.Kubectl.RunAsync("get", "sa", "builder", "-n", ns, "-o", "jsonpath={.metadata.uid}")).EnsureSuccess().StdOut;
        var expired = tokens.Issue(new ServiceAccountClaims(ns, "builder", uid), [tokens.Issuer], DateTimeOffset.UtcNow.AddHours(-2), TimeSpan.FromHours(1));
        var tampered = token[..^6] + (token[^6] == 'x' ? "yyyyyy" : "xxxxxx");

        var whoami = (await server.KubectlWithToken(token).RunAsync("auth", "whoami")).EnsureSuccess();
        var list = await server.KubectlWithToken(token).RunAsync("get", "pods", "-n", ns);
        var results = new[] { expired, tampered, vault, "garbage" }.Select(t => server.KubectlWithToken(t).RunAsync("get", "pods", "-n", ns)).ToList();
        await Task.WhenAll(results);
        (await server.Kubectl.RunAsync("delete", "serviceaccount", "builder", "-n", ns)).EnsureSuccess();
        var afterDelete = await server.KubectlWithToken(token).RunAsync("get", "pods", "-n", ns);

        Assert.Contains($"system:serviceaccount:{ns}:builder", whoami.StdOut);
        Assert.Equal(0, list.ExitCode);
        Assert.All(results, r => Assert.Contains("You must be logged in to the server", r.Result.StdErr));
        Assert.Contains("You must be logged in to the server", afterDelete.StdErr);
    }

    [Fact]
    public async Task ProjectedServiceAccountToken_PodReadsABoundTokenThatAuthenticatesUntilThePodIsGone()
    {
        var ns = await NamespaceAsync();
        await Poll.UntilAsync(async () => (await server.Kubectl.RunAsync("get", "serviceaccount", "default", "-n", ns)).ExitCode == 0,
            TimeSpan.FromSeconds(30), "the default ServiceAccount was not created");
        var pod = $$$"""
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"reader","namespace":"{{{ns}}}"},
             "spec":{"containers":[{"name":"app","image":"busybox:1.36","volumeMounts":[{"name":"tokens","mountPath":"/var/run/secrets/tokens"}]}],
                     "volumes":[{"name":"tokens","projected":{"sources":[{"serviceAccountToken":{"path":"api-token","expirationSeconds":3600}}]}}]}}
            """;
        (await server.Kubectl.RunAsync(["apply", "-f", "-"], pod, TimeSpan.FromSeconds(60))).EnsureSuccess();
        (await server.Kubectl.RunAsync(["wait", "--for=condition=Ready", "pod/reader", "-n", ns, "--timeout=60s"], null, TimeSpan.FromSeconds(90))).EnsureSuccess();

        var token = (await server.Kubectl.RunAsync("exec", "reader", "-n", ns, "--", "cat", "/var/run/secrets/tokens/api-token")).EnsureSuccess().StdOut.Trim();
        var whoami = (await server.KubectlWithToken(token).RunAsync("auth", "whoami")).EnsureSuccess();
        (await server.Kubectl.RunAsync("delete", "pod", "reader", "-n", ns, "--grace-period=0", "--force", "--wait=true")).EnsureSuccess();
        var afterDelete = await Poll.UntilAsync(async () => await server.KubectlWithToken(token).RunAsync("get", "configmaps", "-n", ns) is { ExitCode: not 0 } r ? r : null,
            TimeSpan.FromSeconds(30), () => "the bound token still authenticated after its pod was deleted");

        Assert.Equal(3, token.Split('.').Length);
        Assert.Contains($"system:serviceaccount:{ns}:default", whoami.StdOut);
        Assert.Contains("You must be logged in to the server", afterDelete.StdErr);
    }
}
