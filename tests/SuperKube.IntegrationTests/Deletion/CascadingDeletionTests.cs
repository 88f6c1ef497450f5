using SuperKube.IntegrationTests.Infrastructure;

namespace SuperKube.IntegrationTests.Deletion;

/// <summary><c>kubectl delete</c> with each cascade mode, and namespace deletion, driven by the real kubectl.</summary>
public sealed class CascadingDeletionTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private readonly DeletionScenario _s = new(server.Kubectl);

    private Infrastructure.Kubectl K => server.Kubectl;

    [Fact]
    public async Task DeleteDeployment_Background_RemovesReplicaSetsAndPodsButNotLabelLookalikes()
    {
        var (ns, node) = (await _s.NewNamespaceAsync(), await _s.NodeAsync());
        await _s.DeploymentAsync(ns, "web", node, replicas: 2);
        await _s.LookalikePodAsync(ns, "lookalike", node);

        (await K.RunAsync("delete", "deployment", "web", "-n", ns, "--cascade=background")).EnsureSuccess();

        await DeletionScenario.UntilAsync(async () =>
            (await _s.NamesAsync("replicasets", ns, "app=web")).Length == 0 && (await _s.NamesAsync("pods", ns, "tier=web")).Length == 0);
        Assert.Equal(["lookalike"], await _s.NamesAsync("pods", ns, "app=web"));
    }

    [Fact]
    public async Task DeleteDeployment_Foreground_ReturnsAfterReplicaSetsAndPodsAreGone()
    {
        var (ns, node) = (await _s.NewNamespaceAsync(), await _s.NodeAsync());
        await _s.DeploymentAsync(ns, "web", node, replicas: 2);

        (await K.RunAsync("delete", "deployment", "web", "-n", ns, "--cascade=foreground", "--timeout=60s")).EnsureSuccess();

        Assert.Empty(await _s.NamesAsync("replicasets", ns, "app=web"));
        Assert.Empty(await _s.NamesAsync("pods", ns, "app=web"));
    }

    [Fact]
    public async Task DeleteDeployment_Orphan_LeavesReplicaSetAndPodsWithoutTheDeploymentAsOwner()
    {
        var (ns, node) = (await _s.NewNamespaceAsync(), await _s.NodeAsync());
        await _s.DeploymentAsync(ns, "web", node, replicas: 2);

        (await K.RunAsync("delete", "deployment", "web", "-n", ns, "--cascade=orphan")).EnsureSuccess();

        var rs = Assert.Single(await _s.NamesAsync("replicasets", ns, "app=web"));
        var owners = (await K.RunAsync("get", "rs", rs, "-n", ns, "-o", "jsonpath={.metadata.ownerReferences}")).EnsureSuccess();
        Assert.Equal("", owners.StdOut.Trim());
        Assert.Equal(2, (await _s.NamesAsync("pods", ns, "app=web")).Length);
        var podOwners = (await K.RunAsync("get", "pods", "-n", ns, "-l", "app=web", "-o", "jsonpath={.items[*].metadata.ownerReferences[*].kind}")).EnsureSuccess();
        Assert.Equal(["ReplicaSet", "ReplicaSet"], podOwners.StdOut.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task DeleteNamespace_WithContent_RemovesEverythingAndTheNamespace()
    {
        var (ns, node) = (await _s.NewNamespaceAsync(), await _s.NodeAsync());
        await _s.DeploymentAsync(ns, "web", node, replicas: 2);
        (await K.RunAsync("create", "configmap", "settings", "-n", ns, "--from-literal=a=b")).EnsureSuccess();

        (await K.RunAsync("delete", "namespace", ns, "--timeout=60s")).EnsureSuccess();

        var gone = await K.RunAsync("get", "namespace", ns);
        Assert.NotEqual(0, gone.ExitCode);
        Assert.Contains("NotFound", gone.StdErr);
        var leftovers = (await K.RunAsync("get", "pods,replicasets,deployments,configmaps", "-n", ns, "-o", "name")).EnsureSuccess();
        Assert.Equal("", leftovers.StdOut.Trim());
    }
}
