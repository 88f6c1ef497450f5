using System.Text;
using SuperKube.Runtime.Containers;
using SuperKube.Runtime.Containers.Tests;
using SuperKube.Runtime.Tests;

namespace SuperKube.Runtime.Fake.Tests;

/// <summary>The conformance suite on the Fake runtime, plus the Fake's own scripting features.</summary>
public sealed class FakeContainerRuntimeTests : ContainerRuntimeConformanceTests
{
    private readonly ManualTimeProvider _time = new();
    private readonly FakeContainerRuntime _runtime;

    public FakeContainerRuntimeTests() => _runtime = new FakeContainerRuntime(_time);

    protected override IContainerRuntime Runtime => _runtime;

    protected override Task AdvanceAsync(TimeSpan duration)
    {
        _time.Advance(duration);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task StopContainer_IgnoresSigterm_KilledAfterGracePeriod()
    {
        var sandbox = await SandboxAsync(new Dictionary<string, string> { [FakeRuntimeAnnotations.Sigterm] = "ignore" });
        var id = await StartAsync(sandbox, Spec("main", "sleep 3600"));

        var stop = _runtime.StopContainerAsync(id, TimeSpan.FromSeconds(30), Ct);
        _time.Advance(TimeSpan.FromSeconds(29));
        var stillRunning = (await _runtime.InspectContainerAsync(id, Ct))!.State;
        _time.Advance(TimeSpan.FromSeconds(1));
        await stop.WaitAsync(WaitLimit, Ct);

        Assert.Equal(ContainerState.Running, stillRunning);
        Assert.Equal(137, (await _runtime.InspectContainerAsync(id, Ct))!.ExitCode);
    }

    [Fact]
    public async Task StopContainer_HandlesSigterm_ExitsWith143AtOnce()
    {
        var id = await RunAsync("sleep 3600");

        await _runtime.StopContainerAsync(id, TimeSpan.FromSeconds(30), Ct).WaitAsync(WaitLimit, Ct);

        Assert.Equal(143, (await _runtime.InspectContainerAsync(id, Ct))!.ExitCode);
    }

    [Fact]
    public async Task WaitContainer_OomCommand_ReportsOomKilled()
    {
        var id = await RunAsync("echo allocating; oom");

        var info = await _runtime.WaitContainerAsync(id, Ct).WaitAsync(WaitLimit, Ct);

        Assert.Equal(137, info.ExitCode);
        Assert.Equal("OOMKilled", info.Reason);
    }

    [Fact]
    public async Task StartContainer_RunAnnotation_OverridesCommand()
    {
        var sandbox = await SandboxAsync(new Dictionary<string, string> { [FakeRuntimeAnnotations.Run + ".main"] = "echo scripted; exit 4" });
        var id = await StartAsync(sandbox, Spec("main", "sleep 3600"));

        var info = await _runtime.WaitContainerAsync(id, Ct).WaitAsync(WaitLimit, Ct);

        Assert.Equal(4, info.ExitCode);
        Assert.Equal(["scripted"], _runtime.LogLines(id));
    }

    [Fact]
    public async Task StartContainer_UnknownProgram_RunsUntilStopped()
    {
        var sandbox = await SandboxAsync();
        var id = await StartAsync(sandbox, new ContainerSpec { Name = "web", Image = "nginx:1.27", Command = ["nginx", "-g", "daemon off;"] });

        _time.Advance(TimeSpan.FromDays(1));

        Assert.Equal(ContainerState.Running, (await _runtime.InspectContainerAsync(id, Ct))!.State);
    }

    [Theory]
    [InlineData("registry.invalid/app:1")]
    [InlineData("nginx:does-not-exist")]
    public async Task PullImage_FailingName_ThrowsErrImagePull(string image)
    {
        var ex = await Assert.ThrowsAsync<ImagePullException>(() => _runtime.PullImageAsync(image, ImagePullPolicy.IfNotPresent, null, Ct));

        Assert.Equal("ErrImagePull", ex.Reason);
    }

    [Fact]
    public async Task PullImage_PullAnnotation_Fails()
    {
        var sandbox = new PodSandboxSpec
        {
            PodUid = "u", Namespace = "default", Name = "p",
            Annotations = new Dictionary<string, string> { [FakeRuntimeAnnotations.Pull] = "fail" },
        };

        await Assert.ThrowsAsync<ImagePullException>(() => _runtime.PullImageAsync("nginx:1.27", ImagePullPolicy.Always, sandbox, Ct));
    }

    [Fact]
    public async Task Exec_ProjectedFiles_AreReadable()
    {
        var sandbox = await SandboxAsync();
        var mount = new MountSpec
        {
            ContainerPath = "/etc/config",
            ReadOnly = true,
            Files = new Dictionary<string, byte[]> { ["greeting"] = Encoding.UTF8.GetBytes("hello") },
        };
        var id = await StartAsync(sandbox, Spec("main", "sleep 3600") with { Mounts = [mount] });

        var (code, output) = await ExecAsync(id, "cat /etc/config/greeting; ls /etc/config");
        var (writeCode, _) = await ExecAsync(id, "echo x > /etc/config/new");

        Assert.Equal(0, code);
        Assert.Equal("hellogreeting\n", output);
        Assert.Equal(1, writeCode);
    }

    [Fact]
    public async Task Exec_SharedHostDirectory_SeesOtherContainersFiles()
    {
        var sandbox = await SandboxAsync();
        var shared = new MountSpec { ContainerPath = "/data", HostPath = "/var/lib/superkube/pods/x/volumes/cache" };
        await StartAsync(sandbox, Spec("writer", "echo payload > /data/file; sleep 3600") with { Mounts = [shared] });
        var reader = await StartAsync(sandbox, Spec("reader", "sleep 3600") with { Mounts = [shared with { ContainerPath = "/mnt" }] });

        var (_, output) = await ExecAsync(reader, "cat /mnt/file");

        Assert.Equal("payload\n", output);
    }

    [Fact]
    public async Task StartContainer_LivenessFileScript_FileDisappearsAfterSleep()
    {
        var id = await RunAsync("touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600");

        var before = (await ExecAsync(id, "cat /tmp/healthy")).Code;
        _time.Advance(TimeSpan.FromSeconds(31));
        var after = (await ExecAsync(id, "cat /tmp/healthy")).Code;

        Assert.Equal(0, before);
        Assert.Equal(1, after);
    }

    [Fact]
    public async Task PortForward_HttpRequest_Gets200()
    {
        var sandbox = await SandboxAsync();
        await StartAsync(sandbox, Spec("main", "sleep 3600"));

        await using var connection = await _runtime.PortForwardAsync(sandbox, 8080, Ct);
        await connection.WriteAsync(Encoding.ASCII.GetBytes("GET /healthz HTTP/1.1\r\nHost: pod\r\n\r\n"), Ct);
        await connection.FlushAsync(Ct);
        var response = await new StreamReader(connection).ReadLineAsync(Ct).AsTask().WaitAsync(WaitLimit, Ct);

        Assert.Equal("HTTP/1.1 200 OK", response);
    }

    [Fact]
    public async Task PortForward_RawBytes_AreEchoed()
    {
        var sandbox = await SandboxAsync();
        await StartAsync(sandbox, Spec("main", "sleep 3600"));

        await using var connection = await _runtime.PortForwardAsync(sandbox, 9000, Ct);
        await connection.WriteAsync(Encoding.ASCII.GetBytes("ping\n"), Ct);
        var reply = await new StreamReader(connection).ReadLineAsync(Ct).AsTask().WaitAsync(WaitLimit, Ct);

        Assert.Equal("ping", reply);
    }

    [Fact]
    public async Task PortForward_UnhealthyAfterDuration_RefusesOnceItPassed()
    {
        var sandbox = await SandboxAsync(new Dictionary<string, string> { [FakeRuntimeAnnotations.UnhealthyAfter] = "10s" });
        await StartAsync(sandbox, Spec("main", "sleep 3600"));
        await using (await _runtime.PortForwardAsync(sandbox, 80, Ct))
        {
        }

        _time.Advance(TimeSpan.FromSeconds(11));

        await Assert.ThrowsAsync<ContainerRuntimeException>(() => _runtime.PortForwardAsync(sandbox, 80, Ct));
    }

    [Fact]
    public async Task Attach_Stdout_StreamsLinesWrittenAfterAttaching()
    {
        var id = await RunAsync("echo before; sleep 1; echo after; exit 2");

        await using var session = await _runtime.AttachAsync(id, new AttachOptions(), Ct);
        _time.Advance(TimeSpan.FromSeconds(2));
        var output = await new StreamReader(session.Stdout!).ReadToEndAsync(Ct).WaitAsync(WaitLimit, Ct);

        Assert.Equal("after\n", output);
        Assert.Equal(2, await session.ExitCode.WaitAsync(WaitLimit, Ct));
    }

    [Fact]
    public async Task Exec_WhileLoopWithIf_RunsLikeAShell()
    {
        var id = await RunAsync("sleep 3600");

        var (code, output) = await ExecAsync(id, "n=0; for_x=1; if test -f /nope; then echo yes; else echo no; fi && echo \"home=$HOME\" || echo never");

        Assert.Equal(0, code);
        Assert.Equal("no\nhome=\n", output);
    }

    private async Task<(int Code, string Output)> ExecAsync(string id, string script)
    {
        await using var session = await _runtime.ExecAsync(id, new ExecOptions { Command = ["sh", "-c", script], Stderr = false }, Ct);
        var output = await new StreamReader(session.Stdout!).ReadToEndAsync(Ct).WaitAsync(WaitLimit, Ct);
        return (await session.ExitCode.WaitAsync(WaitLimit, Ct), output);
    }
}
