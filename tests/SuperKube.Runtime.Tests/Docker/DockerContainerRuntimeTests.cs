using Microsoft.Extensions.Options;
using SuperKube.Runtime.Containers;
using SuperKube.Runtime.Containers.Tests;

namespace SuperKube.Runtime.Docker.Tests;

/// <summary>The conformance suite on a real Docker engine (real time), plus Docker specifics: pod network, limits, labels.</summary>
public sealed class DockerContainerRuntimeTests(DockerEngine engine) : ContainerRuntimeConformanceTests, IAsyncLifetime
{
    private readonly DockerContainerRuntime _runtime = new(TimeProvider.System, Options.Create(new DockerRuntimeOptions()));

    protected override IContainerRuntime Runtime
    {
        get
        {
            engine.Require();
            return _runtime;
        }
    }

    protected override string Image => DockerEngine.TestImage;

    /// <summary>Real containers: time passes on its own, and each assertion waits with a bound.</summary>
    protected override Task AdvanceAsync(TimeSpan duration) => Task.CompletedTask;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    /// <summary>
    /// Docker stamps StartedAt once runc reports the start, after the process has begun; on a loaded machine that lag
    /// eats into the measured run, so the bound here allows half a second of it.
    /// </summary>
    [Fact]
    public override async Task WaitContainer_SleepThenExit_ExitsOnlyAfterTheSleep()
    {
        var id = await RunAsync("sleep 5; exit 1");

        var info = await Runtime.WaitContainerAsync(id, Ct).WaitAsync(WaitLimit, Ct);

        Assert.Equal(1, info.ExitCode);
        Assert.True(info.FinishedAt - info.StartedAt >= TimeSpan.FromSeconds(4.5), $"ran {info.FinishedAt - info.StartedAt}");
    }

    [Fact]
    public async Task CreateSandbox_TwoContainers_ShareLocalhostAndPodIp()
    {
        var sandbox = await SandboxAsync();
        await StartAsync(sandbox, Spec("server", "echo hello > /tmp/index.html; httpd -f -p 8080 -h /tmp"));
        var client = await StartAsync(sandbox, Spec("client", "sleep 3600"));

        var ip = await Runtime.GetSandboxIpAsync(sandbox, Ct);
        var body = await PollExecAsync(client, ["wget", "-q", "-O", "-", "http://127.0.0.1:8080/index.html"]);

        Assert.Equal("hello\n", body);
        Assert.Matches(@"^\d+\.\d+\.\d+\.\d+$", ip);
    }

    [Fact]
    public async Task PortForward_Listening_Connects()
    {
        var sandbox = await SandboxAsync();
        await StartAsync(sandbox, Spec("server", "echo hi > /tmp/index.html; httpd -f -p 8080 -h /tmp"));

        await using (var connection = await PollForwardAsync(sandbox, 8080))
        {
            await connection.WriteAsync("GET /index.html HTTP/1.0\r\n\r\n"u8.ToArray(), Ct);
            var answer = await new StreamReader(connection).ReadToEndAsync(Ct).WaitAsync(WaitLimit, Ct);
            Assert.StartsWith("HTTP/1.", answer);
            Assert.EndsWith("hi\n", answer);
        }
    }

    [Fact]
    public async Task PortForward_ListenerOnThePodsLocalhost_ReachedInsideItsNetworkNamespace()
    {
        Assert.SkipUnless(Environment.IsPrivilegedProcess, "entering a pod's network namespace takes root (CAP_SYS_ADMIN)");
        var sandbox = await SandboxAsync();
        await StartAsync(sandbox, Spec("server", "echo local > /tmp/index.html; httpd -f -p 127.0.0.1:8080 -h /tmp"));

        await using var connection = await PollForwardAsync(sandbox, 8080);

        await connection.WriteAsync("GET /index.html HTTP/1.0\r\n\r\n"u8.ToArray(), Ct);
        Assert.EndsWith("local\n", await new StreamReader(connection).ReadToEndAsync(Ct).WaitAsync(WaitLimit, Ct));
    }

    [Fact]
    public async Task CreateSandbox_HostNetwork_KeepsTheNodeAddressAndForwardsOverLoopback()
    {
        await Runtime.PullImageAsync(Image, ImagePullPolicy.IfNotPresent, null, Ct);
        var sandbox = await Runtime.CreateSandboxAsync(new PodSandboxSpec
        {
            PodUid = Guid.NewGuid().ToString(), Namespace = "default", Name = "pod-" + RunLabel, Ip = "192.0.2.10", HostNetwork = true,
        }, Ct);
        var port = 30000 + Random.Shared.Next(20000);
        await StartAsync(sandbox, Spec("server", $"echo host > /tmp/index.html; httpd -f -p 127.0.0.1:{port} -h /tmp"));

        var ip = await Runtime.GetSandboxIpAsync(sandbox, Ct);
        await using var connection = await PollForwardAsync(sandbox, port);

        Assert.Null(ip);
        await connection.WriteAsync("GET /index.html HTTP/1.0\r\n\r\n"u8.ToArray(), Ct);
        Assert.EndsWith("host\n", await new StreamReader(connection).ReadToEndAsync(Ct).WaitAsync(WaitLimit, Ct));
    }

    [Fact]
    public async Task PortForward_NothingListening_Throws()
    {
        var sandbox = await SandboxAsync();

        var ex = await Assert.ThrowsAsync<ContainerRuntimeException>(() => Runtime.PortForwardAsync(sandbox, 9, Ct));

        Assert.Matches(@"^dial tcp [\d.]+:9: connect: Connection refused$", ex.Message);
    }

    [Fact]
    public async Task CreateContainer_ProjectedFilesAndLimits_Applied()
    {
        var sandbox = await SandboxAsync();
        var mount = new MountSpec { ContainerPath = "/etc/config", Files = new Dictionary<string, byte[]> { ["greeting"] = "hola"u8.ToArray() } };
        var id = await StartAsync(sandbox, Spec("main", "sleep 3600") with { Mounts = [mount], MemoryLimitBytes = 64 << 20, CpuLimitMillis = 500 });

        var content = await ExecAsync(id, ["cat", "/etc/config/greeting"]);
        var info = await _runtime.Client.InspectContainerAsync(id, Ct);

        Assert.Equal("hola", content);
        Assert.NotNull(info);
    }

    [Fact]
    public async Task Exec_Stderr_IsSeparated()
    {
        var id = await RunAsync("sleep 3600");

        await using var session = await Runtime.ExecAsync(id, new ExecOptions { Command = ["sh", "-c", "echo out; echo err >&2"] }, Ct);
        var output = new StreamReader(session.Stdout!).ReadToEndAsync(Ct);
        var error = await new StreamReader(session.Stderr!).ReadToEndAsync(Ct).WaitAsync(WaitLimit, Ct);

        Assert.Equal("out\n", await output.WaitAsync(WaitLimit, Ct));
        Assert.Equal("err\n", error);
    }

    [Fact]
    public async Task ListContainers_PodLabels_FindThePodsContainersAgain()
    {
        var sandbox = await SandboxAsync();
        var id = await StartAsync(sandbox, Spec("main", "sleep 3600") with { Annotations = new Dictionary<string, string> { ["restartCount"] = "2" } });

        var found = await Runtime.ListContainersAsync(new Dictionary<string, string> { [DockerLabels.PodName] = "pod-" + RunLabel }, Ct);

        var info = Assert.Single(found);
        Assert.Equal(id, info.Id);
        Assert.Equal(sandbox, info.SandboxId);
        Assert.Equal("2", info.Annotations["restartCount"]);
    }

    [Fact]
    public async Task Attach_RunningContainer_StreamsNewOutputAndEndsWithIt()
    {
        var id = await RunAsync("sleep 1; echo tick; sleep 1; exit 4");

        await using var session = await Runtime.AttachAsync(id, new AttachOptions(), Ct);
        var output = await new StreamReader(session.Stdout!).ReadToEndAsync(Ct).WaitAsync(WaitLimit, Ct);

        Assert.Equal("tick\n", output);
        Assert.Equal(4, await session.ExitCode.WaitAsync(WaitLimit, Ct));
    }

    [Fact]
    public async Task Exec_Tty_ResizeReachesTheTerminal()
    {
        var id = await RunAsync("sleep 3600");

        await using var session = await Runtime.ExecAsync(id, new ExecOptions { Command = ["sh", "-c", "sleep 1; stty size"], Tty = true }, Ct);
        await session.ResizeAsync(new TerminalSize(100, 30), Ct);
        var output = await new StreamReader(session.Stdout!).ReadToEndAsync(Ct).WaitAsync(WaitLimit, Ct);

        Assert.Null(session.Stderr);
        Assert.Equal("30 100", output.Trim());
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            var leftovers = await _runtime.Client.ListContainersAsync(new Dictionary<string, string> { [DockerLabels.PodName] = "pod-" + RunLabel }, CancellationToken.None);
            foreach (var container in leftovers)
            {
                await _runtime.Client.RemoveContainerAsync(container.Id, force: true, CancellationToken.None);
            }
        }
        catch (ContainerRuntimeException)
        {
            // No engine: nothing was created.
        }

        _runtime.Dispose();
    }

    private async Task<string> ExecAsync(string id, string[] command)
    {
        await using var session = await Runtime.ExecAsync(id, new ExecOptions { Command = command }, Ct);
        return await new StreamReader(session.Stdout!).ReadToEndAsync(Ct).WaitAsync(WaitLimit, Ct);
    }

    private async Task<Stream> PollForwardAsync(string sandbox, int port)
    {
        var deadline = DateTime.UtcNow + WaitLimit;
        while (true)
        {
            try
            {
                return await Runtime.PortForwardAsync(sandbox, port, Ct);
            }
            catch (ContainerRuntimeException) when (DateTime.UtcNow < deadline)
            {
                // The server is starting.
            }
        }
    }

    private async Task<string> PollExecAsync(string id, string[] command)
    {
        var deadline = DateTime.UtcNow + WaitLimit;
        while (true)
        {
            var output = await ExecAsync(id, command);
            if (output.Length > 0 || DateTime.UtcNow > deadline)
            {
                return output;
            }
        }
    }
}
