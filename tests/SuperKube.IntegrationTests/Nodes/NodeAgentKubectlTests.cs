using SuperKube.IntegrationTests.Infrastructure;

namespace SuperKube.IntegrationTests.Nodes;

/// <summary>The embedded node agent as kubectl sees it: the node, and pods bound to it going through their lifecycle.</summary>
public sealed class NodeAgentKubectlTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Wait = "--timeout=110s";

    private Infrastructure.Kubectl K => server.Kubectl;

    [Fact]
    public async Task GetNodesWide_EmbeddedNode_ReadyControlPlaneWithVersionAndRuntime()
    {
        var node = await NodeAsync();

        var result = (await K.RunAsync("get", "nodes", "-o", "wide")).EnsureSuccess();

        var lines = result.StdOut.Split('\n');
        Assert.StartsWith("NAME", lines[0]);
        Assert.Contains("CONTAINER-RUNTIME", lines[0]);
        var row = Words(lines.Single(l => l.StartsWith(node + " ", StringComparison.Ordinal)));
        Assert.Equal("Ready", row[1]);
        Assert.Equal("control-plane", row[2]);
        Assert.Equal("v1.32.4", row[4]);
        Assert.Equal("fake://0.1.0", row[^1]);
        (await K.RunAsync("get", "lease", node, "-n", "kube-node-lease")).EnsureSuccess();
    }

    [Fact]
    public async Task GetNode_Capacity_HasCpuMemoryPodsAndStorage()
    {
        var node = await NodeAsync();

        var result = (await K.RunAsync("get", "node", node, "-o", "jsonpath={.status.capacity.pods} {.status.allocatable.cpu} {.status.nodeInfo.kubeletVersion} {.spec.podCIDR}")).EnsureSuccess();

        var parts = Words(result.StdOut);
        Assert.Equal("110", parts[0]);
        Assert.Equal(Environment.ProcessorCount.ToString(), parts[1]);
        Assert.Equal("v1.32.4", parts[2]);
        Assert.Equal("10.244.0.0/24", parts[3]);
    }

    [Fact]
    public async Task Pod_BoundToTheNode_BecomesRunningAndReady()
    {
        var (ns, node) = (await NewNamespaceAsync(), await NodeAsync());
        var file = PodManifests.Pod(ns, "web", node, "[\"nginx\", \"-g\", \"daemon off;\"]", image: "nginx:1.27", extraContainer: """
            ports:
            - name: http
              containerPort: 80
            readinessProbe:
              httpGet: {path: /, port: http}
              periodSeconds: 1
            """);
        (await K.RunAsync("apply", "-f", file)).EnsureSuccess();

        (await K.RunAsync("wait", "--for=condition=Ready", "pod/web", "-n", ns, Wait)).EnsureSuccess();

        var row = Words((await K.RunAsync("get", "pod", "web", "-n", ns, "-o", "wide", "--no-headers")).EnsureSuccess().StdOut);
        Assert.Equal(["web", "1/1", "Running", "0"], row[..4]);
        Assert.StartsWith("10.244.0.", row[5]);
        Assert.Equal(node, row[6]);
    }

    [Fact]
    public async Task Pod_Crashing_ShowsCrashLoopBackOffWithGrowingRestarts()
    {
        var (ns, node) = (await NewNamespaceAsync(), await NodeAsync());
        (await K.RunAsync("apply", "-f", PodManifests.Pod(ns, "crash", node, "[\"sh\", \"-c\", \"echo boom; exit 1\"]"))).EnsureSuccess();

        // Two restarts take the kubelet's first back-off (10 s); poll for "at least 2" so a third restart in between
        // does not hide the state, with room for a loaded machine.
        await WaitForRestartsAsync(ns, "crash", 2, TimeSpan.FromSeconds(150));
        (await K.RunAsync("wait", "--for=jsonpath={.status.containerStatuses[0].state.waiting.reason}=CrashLoopBackOff", "pod/crash", "-n", ns, Wait)).EnsureSuccess();

        var row = Words((await K.RunAsync("get", "pod", "crash", "-n", ns, "--no-headers")).EnsureSuccess().StdOut);
        Assert.Equal(["crash", "0/1", "CrashLoopBackOff"], row[..3]);
        Assert.True(int.Parse(row[3], System.Globalization.CultureInfo.InvariantCulture) >= 2, $"restarts: {row[3]}");
        var events = (await K.RunAsync("get", "events", "-n", ns, "--field-selector", "reason=BackOff")).EnsureSuccess();
        Assert.Contains("Back-off restarting failed container main", events.StdOut);
    }

    [Fact]
    public async Task Pod_RestartNeverExitZero_Completes()
    {
        var (ns, node) = (await NewNamespaceAsync(), await NodeAsync());
        (await K.RunAsync("apply", "-f", PodManifests.Pod(ns, "job", node, "[\"sh\", \"-c\", \"echo done; sleep 1\"]", extraSpec: "restartPolicy: Never"))).EnsureSuccess();

        (await K.RunAsync("wait", "--for=jsonpath={.status.phase}=Succeeded", "pod/job", "-n", ns, Wait)).EnsureSuccess();

        var row = Words((await K.RunAsync("get", "pod", "job", "-n", ns, "--no-headers")).EnsureSuccess().StdOut);
        Assert.Equal(["job", "0/1", "Completed", "0"], row[..4]);
    }

    [Fact]
    public async Task DeletePod_Running_CompletesGracefully()
    {
        var (ns, node) = (await NewNamespaceAsync(), await NodeAsync());
        (await K.RunAsync("apply", "-f", PodManifests.Pod(ns, "doomed", node, "[\"sleep\", \"3600\"]"))).EnsureSuccess();
        (await K.RunAsync("wait", "--for=condition=Ready", "pod/doomed", "-n", ns, Wait)).EnsureSuccess();

        var delete = await K.RunAsync(["delete", "pod", "doomed", "-n", ns, "--wait=true", "--timeout=60s"], null, TimeSpan.FromSeconds(90));

        delete.EnsureSuccess();
        Assert.Contains("pod \"doomed\" deleted", delete.StdOut);
        var get = await K.RunAsync("get", "pod", "doomed", "-n", ns);
        Assert.NotEqual(0, get.ExitCode);
        Assert.Contains("NotFound", get.StdErr);
        var events = (await K.RunAsync("get", "events", "-n", ns, "--field-selector", "reason=Killing")).EnsureSuccess();
        Assert.Contains("Stopping container main", events.StdOut);
    }

    [Fact]
    public async Task Pod_ImageCannotBePulled_ImagePullBackOff()
    {
        var (ns, node) = (await NewNamespaceAsync(), await NodeAsync());
        (await K.RunAsync("apply", "-f", PodManifests.Pod(ns, "bad", node, "[\"true\"]", image: "registry.invalid/app:1"))).EnsureSuccess();

        (await K.RunAsync("wait", "--for=jsonpath={.status.containerStatuses[0].state.waiting.reason}=ImagePullBackOff", "pod/bad", "-n", ns, Wait)).EnsureSuccess();

        var describe = (await K.RunAsync("describe", "pod", "bad", "-n", ns)).EnsureSuccess();
        Assert.Contains("Failed to pull image \"registry.invalid/app:1\"", describe.StdOut);
    }

    [Fact]
    public async Task Pod_EnvFromConfigMap_WaitsUntilTheConfigMapExists()
    {
        var (ns, node) = (await NewNamespaceAsync(), await NodeAsync());
        (await K.RunAsync("apply", "-f", PodManifests.Pod(ns, "cfg", node, "[\"sleep\", \"3600\"]", extraContainer: """
            envFrom:
            - configMapRef: {name: settings}
            """))).EnsureSuccess();
        (await K.RunAsync("wait", "--for=jsonpath={.status.containerStatuses[0].state.waiting.reason}=CreateContainerConfigError", "pod/cfg", "-n", ns, Wait)).EnsureSuccess();

        (await K.RunAsync("create", "configmap", "settings", "-n", ns, "--from-literal=color=blue")).EnsureSuccess();

        (await K.RunAsync("wait", "--for=condition=Ready", "pod/cfg", "-n", ns, Wait)).EnsureSuccess();
    }

    private async Task<string> NodeAsync() =>
        (await K.RunAsync("get", "nodes", "-l", "node-role.kubernetes.io/control-plane", "-o", "jsonpath={.items[0].metadata.name}")).EnsureSuccess().StdOut.Trim();

    private async Task<string> NewNamespaceAsync()
    {
        var ns = "node-" + Guid.NewGuid().ToString("N")[..8];
        (await K.RunAsync("create", "namespace", ns)).EnsureSuccess();
        return ns;
    }

    private static string[] Words(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private async Task WaitForRestartsAsync(string ns, string pod, int atLeast, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        var seen = "";
        while (!deadline.IsCancellationRequested)
        {
            seen = (await K.RunAsync("get", "pod", pod, "-n", ns, "-o", "jsonpath={.status.containerStatuses[0].restartCount}")).EnsureSuccess().StdOut.Trim();
            if (int.TryParse(seen, out var count) && count >= atLeast)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), CancellationToken.None);
        }

        throw new TimeoutException($"pod {pod} restarted {seen} times, expected at least {atLeast} within {timeout}");
    }
}
