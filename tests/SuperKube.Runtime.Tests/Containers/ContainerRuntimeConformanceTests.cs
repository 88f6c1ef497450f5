using System.Text;
using SuperKube.Runtime.Containers;

namespace SuperKube.Runtime.Containers.Tests;

/// <summary>
/// The behaviour every <see cref="IContainerRuntime"/> backend must show. A backend's test class inherits this one,
/// supplies the runtime and says how time passes (virtual for Fake, real for Docker).
/// </summary>
public abstract class ContainerRuntimeConformanceTests
{
    /// <summary>The image the suite's containers run: a busybox with <c>sh</c>, <c>sleep</c>, <c>cat</c>, <c>printenv</c>.</summary>
    protected virtual string Image => "busybox:1.36";

    protected static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    protected abstract IContainerRuntime Runtime { get; }

    /// <summary>Lets <paramref name="duration"/> pass for the runtime's containers.</summary>
    protected abstract Task AdvanceAsync(TimeSpan duration);

    [Fact]
    public virtual async Task StartContainer_LongRunning_InspectShowsRunning()
    {
        var id = await RunAsync("sleep 3600");

        var info = await Runtime.InspectContainerAsync(id, Ct);

        Assert.NotNull(info);
        Assert.Equal(ContainerState.Running, info.State);
        Assert.Equal("main", info.Name);
        Assert.NotNull(info.StartedAt);
        Assert.StartsWith("sha256:", info.ImageId.Split('@')[^1]);
    }

    [Fact]
    public virtual async Task CreateContainer_NotStarted_InspectShowsCreated()
    {
        var sandbox = await SandboxAsync();

        var id = await Runtime.CreateContainerAsync(sandbox, Spec("main", "sleep 3600"), Ct);

        Assert.Equal(ContainerState.Created, (await Runtime.InspectContainerAsync(id, Ct))!.State);
    }

    [Theory]
    [InlineData("exit 0", 0, "Completed")]
    [InlineData("exit 3", 3, "Error")]
    public virtual async Task WaitContainer_ScriptExits_ReportsExitCodeAndReason(string script, int code, string reason)
    {
        var id = await RunAsync(script);

        var info = await Runtime.WaitContainerAsync(id, Ct).WaitAsync(WaitLimit, Ct);

        Assert.Equal(ContainerState.Exited, info.State);
        Assert.Equal(code, info.ExitCode);
        Assert.Equal(reason, info.Reason);
        Assert.NotNull(info.FinishedAt);
    }

    [Fact]
    public virtual async Task WaitContainer_SleepThenExit_ExitsOnlyAfterTheSleep()
    {
        var id = await RunAsync("sleep 5; exit 1");
        var wait = Runtime.WaitContainerAsync(id, Ct);

        await AdvanceAsync(TimeSpan.FromSeconds(6));
        var info = await wait.WaitAsync(WaitLimit, Ct);

        Assert.Equal(1, info.ExitCode);
        Assert.True(info.FinishedAt - info.StartedAt >= TimeSpan.FromSeconds(5));
    }

    [Fact]
    public virtual async Task StopContainer_Running_ExitsWithSignalCode()
    {
        var id = await RunAsync("sleep 3600");

        await Runtime.StopContainerAsync(id, TimeSpan.Zero, Ct).WaitAsync(WaitLimit, Ct);

        var info = await Runtime.InspectContainerAsync(id, Ct);
        Assert.Equal(ContainerState.Exited, info!.State);
        Assert.Contains(info.ExitCode, new int?[] { 137, 143 });
    }

    [Fact]
    public virtual async Task RemoveContainer_Exited_NoLongerInspectable()
    {
        var id = await RunAsync("exit 0");
        await Runtime.WaitContainerAsync(id, Ct).WaitAsync(WaitLimit, Ct);

        await Runtime.RemoveContainerAsync(id, Ct);

        Assert.Null(await Runtime.InspectContainerAsync(id, Ct));
    }

    [Fact]
    public virtual async Task ListContainers_ByLabels_ReturnsOnlyMatches()
    {
        var sandbox = await SandboxAsync();
        var a = await Runtime.CreateContainerAsync(sandbox, Spec("a", "sleep 3600") with { Labels = Labels("a") }, Ct);
        await Runtime.CreateContainerAsync(sandbox, Spec("b", "sleep 3600") with { Labels = Labels("b") }, Ct);

        var found = await Runtime.ListContainersAsync(new Dictionary<string, string> { ["test.superkube.io/name"] = "a", ["test.superkube.io/run"] = RunLabel }, Ct);

        Assert.Equal([a], found.Select(c => c.Id));
    }

    [Fact]
    public virtual async Task GetLogs_ExitedContainer_ReturnsLinesInOrder()
    {
        var id = await RunAsync("echo one; echo two; echo three");
        await Runtime.WaitContainerAsync(id, Ct).WaitAsync(WaitLimit, Ct);

        var text = await ReadLogsAsync(id, new LogOptions());

        Assert.Equal("one\ntwo\nthree\n", text);
    }

    [Fact]
    public virtual async Task GetLogs_Tail_ReturnsLastLines()
    {
        var id = await RunAsync("echo one; echo two; echo three");
        await Runtime.WaitContainerAsync(id, Ct).WaitAsync(WaitLimit, Ct);

        var text = await ReadLogsAsync(id, new LogOptions { TailLines = 2 });

        Assert.Equal("two\nthree\n", text);
    }

    [Fact]
    public virtual async Task GetLogs_Timestamps_PrefixesRfc3339Time()
    {
        var id = await RunAsync("echo hello");
        await Runtime.WaitContainerAsync(id, Ct).WaitAsync(WaitLimit, Ct);

        var line = (await ReadLogsAsync(id, new LogOptions { Timestamps = true })).TrimEnd('\n');

        var parts = line.Split(' ', 2);
        Assert.True(DateTimeOffset.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out _), line);
        Assert.EndsWith("Z", parts[0]);
        Assert.Equal("hello", parts[1]);
    }

    [Fact]
    public virtual async Task GetLogs_Follow_StreamsNewLinesUntilExit()
    {
        var id = await RunAsync("echo first; sleep 2; echo second; exit 0");
        using var reader = new StreamReader(await Runtime.GetLogsAsync(id, new LogOptions { Follow = true }, Ct));

        var first = await reader.ReadLineAsync(Ct).AsTask().WaitAsync(WaitLimit, Ct);
        await AdvanceAsync(TimeSpan.FromSeconds(3));
        var rest = await reader.ReadToEndAsync(Ct).WaitAsync(WaitLimit, Ct);

        Assert.Equal("first", first);
        Assert.Equal("second\n", rest);
    }

    [Fact]
    public virtual async Task GetLogs_PreviousInstance_KeepsItsOwnLines()
    {
        var sandbox = await SandboxAsync();
        var previous = await StartAsync(sandbox, Spec("main", "echo run-1; exit 1"));
        await Runtime.WaitContainerAsync(previous, Ct).WaitAsync(WaitLimit, Ct);
        var current = await StartAsync(sandbox, Spec("main", "echo run-2; sleep 3600"));

        var old = await ReadLogsAsync(previous, new LogOptions());

        Assert.Equal("run-1\n", old);
        Assert.NotEqual(previous, current);
    }

    [Fact]
    public virtual async Task Exec_CommandExits_ReturnsExitCodeAndOutput()
    {
        var id = await RunAsync("sleep 3600");

        await using var session = await Runtime.ExecAsync(id, new ExecOptions { Command = ["sh", "-c", "echo out; exit 7"] }, Ct);
        var output = await new StreamReader(session.Stdout!).ReadToEndAsync(Ct).WaitAsync(WaitLimit, Ct);
        var code = await session.ExitCode.WaitAsync(WaitLimit, Ct);

        Assert.Equal("out\n", output);
        Assert.Equal(7, code);
    }

    [Fact]
    public virtual async Task Exec_Stdin_IsReadByTheProcess()
    {
        var id = await RunAsync("sleep 3600");

        await using var session = await Runtime.ExecAsync(id, new ExecOptions { Command = ["cat"], Stdin = true }, Ct);
        await session.Stdin!.WriteAsync(Encoding.UTF8.GetBytes("hello from stdin\n"), Ct);
        await session.Stdin.DisposeAsync();
        var output = await new StreamReader(session.Stdout!).ReadToEndAsync(Ct).WaitAsync(WaitLimit, Ct);

        Assert.Equal("hello from stdin\n", output);
        Assert.Equal(0, await session.ExitCode.WaitAsync(WaitLimit, Ct));
    }

    [Fact]
    public virtual async Task Exec_StoppedContainer_Throws()
    {
        var id = await RunAsync("exit 0");
        await Runtime.WaitContainerAsync(id, Ct).WaitAsync(WaitLimit, Ct);

        await Assert.ThrowsAsync<ContainerRuntimeException>(() => Runtime.ExecAsync(id, new ExecOptions { Command = ["true"] }, Ct));
    }

    [Fact]
    public virtual async Task Exec_Environment_IsVisible()
    {
        var sandbox = await SandboxAsync();
        var id = await StartAsync(sandbox, Spec("main", "sleep 3600") with { Environment = [new("GREETING", "hi")] });

        await using var session = await Runtime.ExecAsync(id, new ExecOptions { Command = ["printenv", "GREETING"] }, Ct);

        Assert.Equal("hi\n", await new StreamReader(session.Stdout!).ReadToEndAsync(Ct).WaitAsync(WaitLimit, Ct));
    }

    [Fact]
    public virtual async Task PullImage_IfNotPresentTwice_SecondIsAlreadyPresent()
    {
        await Runtime.PullImageAsync(Image, ImagePullPolicy.IfNotPresent, null, Ct);

        var second = await Runtime.PullImageAsync(Image, ImagePullPolicy.IfNotPresent, null, Ct);

        Assert.True(second.AlreadyPresent);
        Assert.Contains("sha256:", second.ImageId);
    }

    [Fact]
    public virtual async Task PullImage_NeverAndAbsent_ThrowsErrImageNeverPull()
    {
        var ex = await Assert.ThrowsAsync<ImagePullException>(() => Runtime.PullImageAsync("example.com/never/pulled:1", ImagePullPolicy.Never, null, Ct));

        Assert.Equal("ErrImageNeverPull", ex.Reason);
    }

    [Fact]
    public virtual async Task GetStats_Running_ReportsMemory()
    {
        var id = await RunAsync("sleep 3600");

        var stats = await Runtime.GetStatsAsync(id, Ct);

        Assert.True(stats.MemoryWorkingSetBytes > 0);
    }

    [Fact]
    public virtual async Task RemoveSandbox_WithRunningContainer_RemovesIt()
    {
        var sandbox = await SandboxAsync();
        var id = await StartAsync(sandbox, Spec("main", "sleep 3600"));

        await Runtime.RemoveSandboxAsync(sandbox, Ct);

        Assert.Null(await Runtime.InspectContainerAsync(id, Ct));
    }

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected string RunLabel { get; } = Guid.NewGuid().ToString("N")[..8];

    protected async Task<string> SandboxAsync(IReadOnlyDictionary<string, string>? annotations = null)
    {
        await Runtime.PullImageAsync(Image, ImagePullPolicy.IfNotPresent, null, Ct);
        return await Runtime.CreateSandboxAsync(new PodSandboxSpec
        {
            PodUid = Guid.NewGuid().ToString(),
            Namespace = "default",
            Name = "pod-" + RunLabel,
            Ip = "10.244.0.5",
            Annotations = annotations ?? new Dictionary<string, string>(),
        }, Ct);
    }

    protected ContainerSpec Spec(string name, string script) => new()
    {
        Name = name,
        Image = Image,
        Command = ["sh", "-c", script],
    };

    protected async Task<string> StartAsync(string sandbox, ContainerSpec spec)
    {
        var id = await Runtime.CreateContainerAsync(sandbox, spec, Ct);
        await Runtime.StartContainerAsync(id, Ct);
        return id;
    }

    protected async Task<string> RunAsync(string script) => await StartAsync(await SandboxAsync(), Spec("main", script));

    protected async Task<string> ReadLogsAsync(string id, LogOptions options)
    {
        using var reader = new StreamReader(await Runtime.GetLogsAsync(id, options, Ct));
        return await reader.ReadToEndAsync(Ct).WaitAsync(WaitLimit, Ct);
    }

    private Dictionary<string, string> Labels(string name) => new() { ["test.superkube.io/name"] = name, ["test.superkube.io/run"] = RunLabel };
}
