using SuperKube.IntegrationTests.Infrastructure;
using SuperKube.IntegrationTests.Nodes;

namespace SuperKube.IntegrationTests.Streaming;

/// <summary>The streaming scenarios against pods on the embedded Fake node, plus the API's own refusals.</summary>
public sealed class KubectlStreamingTests(ServerFixture server) : PodStreamingScenarios(server), IClassFixture<ServerFixture>
{
    protected override async Task<string> NodeNameAsync() =>
        (await K.RunAsync("get", "nodes", "-l", "node-role.kubernetes.io/control-plane", "-o", "jsonpath={.items[0].metadata.name}"))
            .EnsureSuccess().StdOut.Trim();

    [Fact]
    public async Task Exec_MissingContainer_ClearError()
    {
        var ns = await RunningPodAsync(Server);

        var result = await K.RunAsync("exec", "web", "-n", ns, "-c", "nope", "--", "echo", "hi");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("container nope is not valid for pod web", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_ContainerNotStarted_WaitingError()
    {
        var ns = await NewNamespaceAsync();
        (await K.RunAsync("apply", "-f", PodManifests.Pod(ns, "web", "ghost-node", Server))).EnsureSuccess();

        var result = await K.RunAsync("logs", "web", "-n", ns);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("container \"main\" in pod \"web\" is waiting to start: ContainerCreating", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PortForward_PodNotRunning_Refused()
    {
        var ns = await NewNamespaceAsync();
        (await K.RunAsync("apply", "-f", PodManifests.Pod(ns, "web", "ghost-node", Server))).EnsureSuccess();

        var result = await K.RunAsync("port-forward", "pod/web", "-n", ns, ":80");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("pod is not running", result.StdErr, StringComparison.Ordinal);
    }
}
