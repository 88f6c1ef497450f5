using SuperKube.IntegrationTests.Infrastructure;
using SuperKube.IntegrationTests.Nodes;

namespace SuperKube.IntegrationTests.Streaming;

/// <summary>
/// The kubectl streaming scenarios every kind of node must pass (<c>logs</c>, <c>logs -f</c>, <c>--previous</c>,
/// <c>exec</c> with exit codes and stdin, <c>attach</c>, <c>port-forward</c>), for pods on <see cref="NodeNameAsync"/>
/// running the Fake runtime. Derived classes pick the node and add their own cases.
/// </summary>
public abstract class PodStreamingScenarios(ServerFixture server)
{
    protected const string Wait = "--timeout=60s";
    protected const string Server = "[\"sh\", \"-c\", \"echo one; echo two; echo three; sleep 3600\"]";
    protected static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    protected Infrastructure.Kubectl K => server.Kubectl;

    /// <summary>The node the scenarios' pods are bound to.</summary>
    protected abstract Task<string> NodeNameAsync();

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
        // kubectl does not wait for a pod named directly to start, so the container must have started first.
        await PollAsync(async () => (await K.RunAsync("get", "pod", "web", "-n", ns, "-o", "jsonpath={.status.containerStatuses[0].state}")).StdOut
            is var state && (state.Contains("running", StringComparison.Ordinal) || state.Contains("terminated", StringComparison.Ordinal)));

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
    public async Task Attach_RunningPod_StreamsNewOutput()
    {
        var ns = await RunningPodAsync("[\"sh\", \"-c\", \"while true; do echo tick; sleep 1; done\"]");

        var line = await KubectlStreams.AttachUntilAsync(K, ns, "web", "tick", Bound);

        Assert.Equal("tick", line);
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

    protected async Task<string> RunningPodAsync(string command)
    {
        var ns = await NewNamespaceAsync();
        await ApplyAsync(ns, command);
        (await K.RunAsync("wait", "--for=condition=Ready", "pod/web", "-n", ns, Wait)).EnsureSuccess();
        return ns;
    }

    protected async Task ApplyAsync(string ns, string command, string extraSpec = "") =>
        (await K.RunAsync("apply", "-f", PodManifests.Pod(ns, "web", await NodeNameAsync(), command, extraSpec))).EnsureSuccess();

    protected async Task<string> NewNamespaceAsync()
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
