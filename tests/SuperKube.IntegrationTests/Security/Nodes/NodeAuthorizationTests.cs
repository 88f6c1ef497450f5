using SuperKube.IntegrationTests.Infrastructure;

namespace SuperKube.IntegrationTests.Security.Nodes;

/// <summary>
/// The Node authorizer and NodeRestriction admission with the real kubectl acting as a node
/// (<c>system:node:NAME</c> in <c>system:nodes</c>, by client certificate): a node reads only what pods bound to it
/// reference and writes only its own objects, with upstream's 403 messages.
/// </summary>
public sealed class NodeAuthorizationTests(SecureServerFixture server) : IClassFixture<SecureServerFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private async Task<string> NamespaceAsync()
    {
        var ns = "nodeauthz-" + Guid.NewGuid().ToString("N")[..8];
        (await server.Kubectl.RunAsync("create", "namespace", ns)).EnsureSuccess();
        return ns;
    }

    private static string Node() => "na-" + Guid.NewGuid().ToString("N")[..6];

    private Infrastructure.Kubectl KubectlAsNode(string node) => server.KubectlAs("system:node:" + node, "system:nodes");

    /// <summary>A pod bound to <paramref name="node"/> that reads Secret <paramref name="secret"/> and ConfigMap <paramref name="configMap"/>.</summary>
    private async Task CreatePodAsync(string ns, string name, string node, string secret, string configMap)
    {
        var manifest = $$$$"""
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"{{{{name}}}}","namespace":"{{{{ns}}}}"},
             "spec":{"nodeName":"{{{{node}}}}","containers":[{"name":"c","image":"busybox",
               "env":[{"name":"S","valueFrom":{"secretKeyRef":{"name":"{{{{secret}}}}","key":"k"}}}],
               "envFrom":[{"configMapRef":{"name":"{{{{configMap}}}}"}}]}]}}
            """;
        (await server.Kubectl.RunAsync(["apply", "-f", "-"], manifest, Infrastructure.Kubectl.DefaultTimeout)).EnsureSuccess();
    }

    private async Task CreateNodeAsync(string name)
    {
        var manifest = $$$$"""{"apiVersion":"v1","kind":"Node","metadata":{"name":"{{{{name}}}}","labels":{"tier":"a"}}}""";
        (await server.Kubectl.RunAsync(["apply", "-f", "-"], manifest, Infrastructure.Kubectl.DefaultTimeout)).EnsureSuccess();
    }

    [Fact]
    public async Task GetSecret_ReferencedByOwnPodOnly_OthersForbiddenWithUpstreamMessage()
    {
        var ns = await NamespaceAsync();
        var (node, other) = (Node(), Node());
        foreach (var secret in new[] { "mine", "theirs", "loose" })
        {
            (await server.Kubectl.RunAsync("create", "secret", "generic", secret, "-n", ns, "--from-literal=k=v")).EnsureSuccess();
        }

        (await server.Kubectl.RunAsync("create", "configmap", "cfg", "-n", ns, "--from-literal=a=1")).EnsureSuccess();
        await CreatePodAsync(ns, "p", node, "mine", "cfg");
        await CreatePodAsync(ns, "q", other, "theirs", "cfg");
        var asNode = KubectlAsNode(node);

        var mine = await Poll.UntilAsync(
            async () => await asNode.RunAsync("get", "secret", "mine", "-n", ns, "-o", "jsonpath={.data.k}") is { ExitCode: 0 } ok ? ok : null,
            Timeout, () => "the node never could read the secret its pod references");
        var configMap = await asNode.RunAsync("get", "configmap", "cfg", "-n", ns, "-o", "name");
        var theirs = await asNode.RunAsync("get", "secret", "theirs", "-n", ns);
        var loose = await asNode.RunAsync("get", "secret", "loose", "-n", ns);
        var list = await asNode.RunAsync("get", "secrets", "-n", ns);

        Assert.Equal("dg==", mine.StdOut);
        Assert.Equal("configmap/cfg", configMap.EnsureSuccess().StdOut.Trim());
        Assert.Contains(
            $"Error from server (Forbidden): secrets \"loose\" is forbidden: User \"system:node:{node}\" cannot get resource \"secrets\" in API group \"\" "
            + $"in the namespace \"{ns}\": no relationship found between node '{node}' and this object", loose.StdErr);
        Assert.Contains($"secrets \"theirs\" is forbidden: User \"system:node:{node}\" cannot get resource \"secrets\"", theirs.StdErr);
        Assert.Contains($"cannot list resource \"secrets\" in API group \"\" in the namespace \"{ns}\": No Object name found", list.StdErr);
        Assert.All([theirs, loose, list], r => Assert.NotEqual(0, r.ExitCode));
    }

    [Fact]
    public async Task GetSecret_AfterItsPodIsDeleted_Forbidden()
    {
        var ns = await NamespaceAsync();
        var node = Node();
        (await server.Kubectl.RunAsync("create", "secret", "generic", "s", "-n", ns, "--from-literal=k=v")).EnsureSuccess();
        (await server.Kubectl.RunAsync("create", "configmap", "cfg", "-n", ns)).EnsureSuccess();
        await CreatePodAsync(ns, "p", node, "s", "cfg");
        var asNode = KubectlAsNode(node);
        await Poll.UntilAsync(async () => (await asNode.RunAsync("get", "secret", "s", "-n", ns)).ExitCode == 0, Timeout, "never readable");

        (await server.Kubectl.RunAsync("delete", "pod", "p", "-n", ns, "--grace-period=0", "--force")).EnsureSuccess();

        await Poll.UntilAsync(
            async () => (await asNode.RunAsync("get", "secret", "s", "-n", ns)).StdErr.Contains("no relationship found", StringComparison.Ordinal),
            Timeout, "the secret stayed readable after its pod was deleted");
    }

    [Fact]
    public async Task PatchNode_OtherNodeOrRestrictedLabel_Forbidden_OwnNodeAllowed()
    {
        var (node, other) = (Node(), Node());
        await CreateNodeAsync(node);
        await CreateNodeAsync(other);
        var asNode = KubectlAsNode(node);

        var own = await asNode.RunAsync("label", "node", node, "tier=b", "--overwrite");
        var otherNode = await asNode.RunAsync("label", "node", other, "tier=b", "--overwrite");
        var restricted = await asNode.RunAsync("label", "node", node, "node-restriction.kubernetes.io/trusted=yes");
        var taint = await asNode.RunAsync("taint", "node", node, "k=v:NoSchedule");
        var labels = await server.Kubectl.RunAsync("get", "nodes", node, other, "-o", "jsonpath={.items[*].metadata.labels.tier}");

        own.EnsureSuccess();
        Assert.Contains($"Error from server (Forbidden): nodes \"{other}\" is forbidden: node \"{node}\" is not allowed to modify node \"{other}\"", otherNode.StdErr);
        Assert.Contains($"nodes \"{node}\" is forbidden: is not allowed to modify labels: node-restriction.kubernetes.io/trusted", restricted.StdErr);
        Assert.Contains($"nodes \"{node}\" is forbidden: node \"{node}\" is not allowed to modify taints", taint.StdErr);
        Assert.Equal("b a", labels.EnsureSuccess().StdOut);
    }

    [Fact]
    public async Task PodWrites_OnlyStatusOfOwnPodsAndMirrorPods()
    {
        var ns = await NamespaceAsync();
        var (node, other) = (Node(), Node());
        (await server.Kubectl.RunAsync("create", "secret", "generic", "s", "-n", ns, "--from-literal=k=v")).EnsureSuccess();
        (await server.Kubectl.RunAsync("create", "configmap", "cfg", "-n", ns)).EnsureSuccess();
        await CreatePodAsync(ns, "mine", node, "s", "cfg");
        await CreatePodAsync(ns, "theirs", other, "s", "cfg");
        var asNode = KubectlAsNode(node);
        const string Condition = """{"status":{"conditions":[{"type":"Example","status":"True"}]}}""";
        var plain = $$$$"""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"plain","namespace":"{{{{ns}}}}"},"spec":{"nodeName":"{{{{node}}}}","containers":[{"name":"c","image":"busybox"}]}}""";

        // As upstream, a node may patch pods/status but not get it, which kubectl patch --subresource=status does first: plain HTTP.
        using var cert = server.ClientCertificate("system:node:" + node, "system:nodes");
        using var http = server.CreateHttpClient(null, cert);
        async Task<HttpResponseMessage> PatchStatusAsync(string pod) => await http.PatchAsync(
            $"/api/v1/namespaces/{ns}/pods/{pod}/status",
            new StringContent(Condition, System.Text.Encoding.UTF8, "application/merge-patch+json"), TestContext.Current.CancellationToken);
        using var ownStatus = await PatchStatusAsync("mine");
        using var otherStatus = await PatchStatusAsync("theirs");
        var create = await asNode.RunAsync(["create", "-f", "-"], plain, Infrastructure.Kubectl.DefaultTimeout);
        var deleteOther = await asNode.RunAsync("delete", "pod", "theirs", "-n", ns, "--wait=false");

        Assert.Equal(System.Net.HttpStatusCode.OK, ownStatus.StatusCode);
        var refusal = await StatusAssert.IsStatusAsync(otherStatus, 403, "Forbidden");
        Assert.Equal($"pods \"theirs\" is forbidden: node \"{node}\" can only update pod status for pods with spec.nodeName set to itself", (string?)refusal["message"]);
        Assert.Contains($"pods \"plain\" is forbidden: pod does not have \"kubernetes.io/config.mirror\" annotation, node \"{node}\" can only create mirror pods", create.StdErr);
        Assert.Contains($"pods \"theirs\" is forbidden: node \"{node}\" can only delete pods with spec.nodeName set to itself", deleteOther.StdErr);
    }

    [Fact]
    public async Task AuthCanI_AsNode_FollowsThePodGraphAndLeaseName()
    {
        var ns = await NamespaceAsync();
        var node = Node();
        (await server.Kubectl.RunAsync("create", "configmap", "cfg", "-n", ns)).EnsureSuccess();
        await CreatePodAsync(ns, "p", node, "s", "cfg");
        var asNode = KubectlAsNode(node);

        var secret = await Poll.UntilAsync(
            async () => await asNode.RunAsync("auth", "can-i", "get", "secret/s", "-n", ns) is { ExitCode: 0 } yes ? yes : null,
            Timeout, () => "can-i never answered yes for the referenced secret");
        var unreferenced = await asNode.RunAsync("auth", "can-i", "get", "secret/x", "-n", ns);
        var listSecrets = await asNode.RunAsync("auth", "can-i", "list", "secrets", "-n", ns);
        var ownLease = await asNode.RunAsync("auth", "can-i", "update", "leases.coordination.k8s.io/" + node, "-n", "kube-node-lease");
        var otherLease = await asNode.RunAsync("auth", "can-i", "update", "leases.coordination.k8s.io/someone", "-n", "kube-node-lease");
        var deployments = await asNode.RunAsync("auth", "can-i", "create", "deployments", "-n", ns);

        Assert.Equal("yes", secret.StdOut.Trim());
        Assert.Equal($"no - no relationship found between node '{node}' and this object", unreferenced.StdOut.Trim());
        Assert.Equal("no - No Object name found", listSecrets.StdOut.Trim());
        Assert.Equal("yes", ownLease.StdOut.Trim());
        Assert.Equal("no - can only access node lease with the same name as the requesting node", otherLease.StdOut.Trim());
        Assert.Equal("no", deployments.StdOut.Trim());
    }
}
