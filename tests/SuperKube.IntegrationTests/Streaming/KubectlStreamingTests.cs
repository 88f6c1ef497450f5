using SuperKube.IntegrationTests.Infrastructure;
using SuperKube.IntegrationTests.Nodes;

namespace SuperKube.IntegrationTests.Streaming;

/// <summary><c>kubectl logs</c>, <c>exec</c>, <c>attach</c> and <c>port-forward</c> against pods on the embedded Fake node.</summary>
public sealed class KubectlStreamingTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Wait = "--timeout=60s";
    private const string Server = "[\"sh\", \"-c\", \"echo one; echo two; echo three; sleep 3600\"]";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private Infrastructure.Kubectl K => server.Kubectl;

    [Fact]
    public async Task Logs_RunningPod_PrintsOutputAndHonoursTail()
    {
        var ns = await RunningPodAsync(Server);

        var all = (await K.RunAsync("logs", "web", "-n", ns)).EnsureSuccess();
        var tail = (await K.RunAsync("logs", "web", "-n", ns, "--tail=1")).EnsureSuccess();

        Assert.Equal("one\ntwo\nthree\n", all.StdOut);
        Assert.Equal("three\n", tail.StdOut);
    }

    [Fact]
    public async Task LogsFollow_ContainerExits_StreamEnds()
    {
        var ns = await NewNamespaceAsync();
        await ApplyAsync(ns, "[\"sh\", \"-c\", \"echo first; sleep 2; echo last\"]", "restartPolicy: Never");

        var result = (await K.RunAsync(["logs", "-f", "pod/web", "-n", ns, "--pod-running-timeout=60s"], null, Bound)).EnsureSuccess();

        Assert.Equal("first\nlast\n", result.StdOut);
    }

    [Fact]
    public async Task LogsPrevious_RestartedContainer_ShowsTheEarlierRun()
    {
        var ns = await NewNamespaceAsync();
        await ApplyAsync(ns, "[\"sh\", \"-c\", \"echo run; exit 1\"]");
        await PollAsync(async () => (await K.RunAsync("get", "pod", "web", "-n", ns, "-o", "jsonpath={.status.containerStatuses[0].restartCount}")).StdOut is not ("" or "0"));

        var previous = (await K.RunAsync("logs", "web", "-n", ns, "--previous")).EnsureSuccess();

        Assert.Equal("run\n", previous.StdOut);
    }

    [Fact]
    public async Task Exec_Echo_PrintsOutput()
    {
        var ns = await RunningPodAsync(Server);

        var result = (await K.RunAsync("exec", "web", "-n", ns, "--", "echo", "hi")).EnsureSuccess();

        Assert.Equal("hi\n", result.StdOut);
    }

    [Fact]
    public async Task Exec_NonZeroExit_KubectlExitsWithTheSameCode()
    {
        var ns = await RunningPodAsync(Server);

        var result = await K.RunAsync("exec", "web", "-n", ns, "--", "sh", "-c", "exit 3");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("command terminated with exit code 3", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecInteractive_Cat_EchoesStdin()
    {
        var ns = await RunningPodAsync(Server);

        var result = (await K.RunAsync(["exec", "-i", "web", "-n", ns, "--", "cat"], "hello\nworld\n", Bound)).EnsureSuccess();

        Assert.Equal("hello\nworld\n", result.StdOut);
    }

    [Fact]
    public async Task Exec_MissingContainer_ClearError()
    {
        var ns = await RunningPodAsync(Server);

        var result = await K.RunAsync("exec", "web", "-n", ns, "-c", "nope", "--", "echo", "hi");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("container nope is not valid for pod web", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attach_RunningPod_StreamsNewOutput()
    {
        var ns = await RunningPodAsync("[\"sh\", \"-c\", \"while true; do echo tick; sleep 1; done\"]");

        var line = await KubectlStreams.AttachUntilAsync(K, ns, "web", "tick", Bound);

        Assert.Equal("tick", line);
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
    public async Task PortForward_TwoConcurrentRequests_BothAnswered()
    {
        var ns = await RunningPodAsync(Server);
        using var http = new HttpClient { Timeout = Bound };

        var answers = await KubectlStreams.PortForwardAsync(K, ns, "web", 80, Bound, port => Task.WhenAll(
            http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/a")),
            http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/b"))));

        Assert.All(answers, a => Assert.Equal("ok from web\n", a));
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

    private async Task<string> RunningPodAsync(string command)
    {
        var ns = await NewNamespaceAsync();
        await ApplyAsync(ns, command);
        (await K.RunAsync("wait", "--for=condition=Ready", "pod/web", "-n", ns, Wait)).EnsureSuccess();
        return ns;
    }

    private async Task ApplyAsync(string ns, string command, string extraSpec = "")
    {
        var node = (await K.RunAsync("get", "nodes", "-l", "node-role.kubernetes.io/control-plane", "-o", "jsonpath={.items[0].metadata.name}"))
            .EnsureSuccess().StdOut.Trim();
        (await K.RunAsync("apply", "-f", PodManifests.Pod(ns, "web", node, command, extraSpec))).EnsureSuccess();
    }

    private async Task<string> NewNamespaceAsync()
    {
        var ns = "stream-" + Guid.NewGuid().ToString("N")[..8];
        (await K.RunAsync("create", "namespace", ns)).EnsureSuccess();
        return ns;
    }

    private static async Task PollAsync(Func<Task<bool>> check)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (!await check())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
        }
    }
}
