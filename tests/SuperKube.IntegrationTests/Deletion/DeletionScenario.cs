using SuperKube.IntegrationTests.Infrastructure;

namespace SuperKube.IntegrationTests.Deletion;

/// <summary>Shared steps of the deletion tests: a fresh namespace, workloads pinned to the embedded node, polling.</summary>
internal sealed class DeletionScenario(Infrastructure.Kubectl kubectl)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public Infrastructure.Kubectl K => kubectl;

    public async Task<string> NodeAsync() =>
        (await K.RunAsync("get", "nodes", "-l", "node-role.kubernetes.io/control-plane", "-o", "jsonpath={.items[0].metadata.name}")).EnsureSuccess().StdOut.Trim();

    public async Task<string> NewNamespaceAsync()
    {
        var ns = "del-" + Guid.NewGuid().ToString("N")[..8];
        (await K.RunAsync("create", "namespace", ns)).EnsureSuccess();
        return ns;
    }

    public async Task ApplyAsync(string yaml) => (await K.RunAsync(["apply", "-f", "-"], yaml, Timeout)).EnsureSuccess();

    /// <summary>A Deployment whose pods run on <paramref name="node"/> (no scheduler needed), selected by app=NAME,tier=web.</summary>
    public async Task DeploymentAsync(string ns, string name, string node, int replicas)
    {
        await ApplyAsync($$$"""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: {{{name}}}, namespace: {{{ns}}}}
            spec:
              replicas: {{{replicas}}}
              selector: {matchLabels: {app: {{{name}}}, tier: web}}
              template:
                metadata: {labels: {app: {{{name}}}, tier: web}}
                spec:
                  nodeName: {{{node}}}
                  terminationGracePeriodSeconds: 1
                  containers:
                  - {name: main, image: busybox:1.36, command: ["sleep", "3600"]}
            """);
        (await K.RunAsync("rollout", "status", "deployment/" + name, "-n", ns, "--timeout=60s")).EnsureSuccess();
    }

    /// <summary>A bare pod labelled app=NAME only: it matches a label query but not the Deployment's selector.</summary>
    public Task LookalikePodAsync(string ns, string name, string node) =>
        ApplyAsync($$$"""
            apiVersion: v1
            kind: Pod
            metadata: {name: {{{name}}}, namespace: {{{ns}}}, labels: {app: web}}
            spec:
              nodeName: {{{node}}}
              terminationGracePeriodSeconds: 1
              containers:
              - {name: main, image: busybox:1.36, command: ["sleep", "3600"]}
            """);

    /// <summary>The names of the objects of <paramref name="resource"/> in the namespace matching the selector.</summary>
    public async Task<string[]> NamesAsync(string resource, string ns, string selector) =>
        (await K.RunAsync("get", resource, "-n", ns, "-l", selector, "-o", "jsonpath={.items[*].metadata.name}")).EnsureSuccess()
            .StdOut.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public static async Task UntilAsync(Func<Task<bool>> check)
    {
        using var deadline = new CancellationTokenSource(Timeout);
        while (!await check())
        {
            await Task.Delay(100, deadline.Token);
        }
    }
}
