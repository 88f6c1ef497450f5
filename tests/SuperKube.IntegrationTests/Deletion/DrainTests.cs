using SuperKube.IntegrationTests.Infrastructure;

namespace SuperKube.IntegrationTests.Deletion;

/// <summary><c>kubectl drain</c> against a PodDisruptionBudget (its own server: draining cordons the only node).</summary>
public sealed class DrainTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private readonly DeletionScenario _s = new(server.Kubectl);

    private Infrastructure.Kubectl K => server.Kubectl;

    [Fact]
    public async Task Drain_BudgetAllowsNoDisruption_IsRefusedUntilTheBudgetIsRelaxed()
    {
        var (ns, node) = (await _s.NewNamespaceAsync(), await _s.NodeAsync());
        await _s.DeploymentAsync(ns, "web", node, replicas: 2);
        await _s.ApplyAsync($$$"""
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: web, namespace: {{{ns}}}}
            spec:
              minAvailable: 2
              selector: {matchLabels: {app: web}}
            """);
        (await K.RunAsync("wait", "--for=jsonpath={.status.currentHealthy}=2", "pdb/web", "-n", ns, "--timeout=60s")).EnsureSuccess();
        var pods = await _s.NamesAsync("pods", ns, "app=web");

        try
        {
            var blocked = await K.RunAsync("drain", node, "--ignore-daemonsets", "--delete-emptydir-data", "--force", "--timeout=8s");

            Assert.NotEqual(0, blocked.ExitCode);
            Assert.Contains("Cannot evict pod as it would violate the pod's disruption budget.", blocked.StdErr);
            Assert.Equal(pods, await _s.NamesAsync("pods", ns, "app=web"));

            (await K.RunAsync("patch", "pdb", "web", "-n", ns, "--type=merge", "-p", "{\"spec\":{\"minAvailable\":0}}")).EnsureSuccess();
            (await K.RunAsync("wait", "--for=jsonpath={.status.disruptionsAllowed}=2", "pdb/web", "-n", ns, "--timeout=60s")).EnsureSuccess();
            var drained = (await K.RunAsync("drain", node, "--ignore-daemonsets", "--delete-emptydir-data", "--force", "--timeout=60s")).EnsureSuccess();

            Assert.Contains($"node/{node} drained", drained.StdOut);
            Assert.Contains("evicted", drained.StdOut);
            var left = await _s.NamesAsync("pods", ns, "app=web");
            Assert.DoesNotContain(left, pods.Contains);
        }
        finally
        {
            await K.RunAsync("uncordon", node);
        }
    }
}
