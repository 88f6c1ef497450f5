using SuperKube.IntegrationTests.Infrastructure;

namespace SuperKube.IntegrationTests.Nodes;

/// <summary>
/// The node lifecycle controller through kubectl: a node that never reports becomes NotReady and tainted unreachable,
/// pods that tolerate that only briefly are evicted while the default five-minute toleration keeps the others, and
/// deleting the node removes the pods bound to it.
/// </summary>
public sealed class NodeLifecycleTests(NodeLifecycleServerFixture server) : IClassFixture<NodeLifecycleServerFixture>
{
    private Infrastructure.Kubectl K => server.Kubectl;

    [Fact]
    public async Task SilentNode_TaintedUnreachable_EvictsPodsByTheirTolerations()
    {
        var ns = "lifecycle-" + Guid.NewGuid().ToString("N")[..8];
        var node = "lost-" + Guid.NewGuid().ToString("N")[..6];
        (await K.RunAsync("create", "namespace", ns)).EnsureSuccess();
        (await K.RunAsync(["apply", "-f", "-"], $$"""
            apiVersion: v1
            kind: Node
            metadata: {name: {{node}}}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: brief, namespace: {{ns}}}
            spec:
              nodeName: {{node}}
              containers: [{name: main, image: busybox:1.36}]
              tolerations:
              - {key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 2}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: patient, namespace: {{ns}}}
            spec:
              nodeName: {{node}}
              containers: [{name: main, image: busybox:1.36}]
            """, Infrastructure.Kubectl.DefaultTimeout)).EnsureSuccess();

        var defaults = (await K.RunAsync("get", "pod", "patient", "-n", ns, "-o",
            "jsonpath={range .spec.tolerations[*]}{.key}={.tolerationSeconds} {end}")).EnsureSuccess().StdOut;
        Assert.Contains("node.kubernetes.io/not-ready=300", defaults);
        Assert.Contains("node.kubernetes.io/unreachable=300", defaults);

        (await K.RunAsync("wait", "--for=jsonpath={.status.conditions[?(@.type==\"Ready\")].status}=Unknown", "node/" + node, "--timeout=90s")).EnsureSuccess();
        var status = (await K.RunAsync("get", "node", node, "--no-headers")).EnsureSuccess().StdOut;
        Assert.Contains("NotReady", status);
        var taints = (await K.RunAsync("get", "node", node, "-o", "jsonpath={range .spec.taints[*]}{.key}:{.effect} {end}")).EnsureSuccess().StdOut;
        Assert.Contains("node.kubernetes.io/unreachable:NoExecute", taints);
        Assert.Contains("node.kubernetes.io/unreachable:NoSchedule", taints);

        await Poll.UntilAsync(async () => (await K.RunAsync("get", "pod", "brief", "-n", ns, "-o", "jsonpath={.metadata.deletionTimestamp}")).StdOut.Trim().Length > 0,
            TimeSpan.FromSeconds(60), "pod brief was never marked for deletion");
        var patient = (await K.RunAsync("get", "pod", "patient", "-n", ns, "-o", "jsonpath={.metadata.deletionTimestamp}")).EnsureSuccess().StdOut.Trim();
        Assert.Empty(patient);
        var events = (await K.RunAsync("get", "events", "-n", "default", "--field-selector", $"involvedObject.name={node}")).EnsureSuccess().StdOut;
        Assert.Contains("NodeNotReady", events);

        (await K.RunAsync("delete", "node", node)).EnsureSuccess();
        (await K.RunAsync("wait", "--for=delete", "pod/brief", "pod/patient", "-n", ns, "--timeout=60s")).EnsureSuccess();
    }
}
