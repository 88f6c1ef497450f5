using System.IO.Pipelines;
using SuperKube.Objects;
using SuperKube.Runtime.Containers;

namespace SuperKube.Runtime.Fake;

/// <summary>One simulated container: its main process runs <see cref="FakeShell"/> on the virtual clock.</summary>
#pragma warning disable CA1001 // The token source has no timer: nothing to release when the container is dropped.
internal sealed class FakeContainer
#pragma warning restore CA1001
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _process = new();
    private readonly TaskCompletionSource<ContainerInfo> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Pipe? _stdin;
    private ContainerState _state = ContainerState.Created;
    private int? _exitCode;
    private int? _signalCode;
    private string? _reason;
    private DateTimeOffset? _startedAt;
    private DateTimeOffset? _finishedAt;

    public FakeContainer(string id, FakeSandbox sandbox, ContainerSpec spec, string imageId, FakeFileSystem files, TimeProvider time)
    {
        Id = id;
        Sandbox = sandbox;
        Spec = spec;
        ImageId = imageId;
        Files = files;
        _time = time;
        CreatedAt = time.GetUtcNow();
        Logs = new FakeLogBuffer(time);
        Behavior = FakeBehavior.For(sandbox.Spec.Annotations, spec.Name);
        _stdin = spec.Stdin ? new Pipe() : null;
    }

    public string Id { get; }

    public FakeSandbox Sandbox { get; }

    public ContainerSpec Spec { get; }

    public string ImageId { get; }

    public FakeFileSystem Files { get; }

    public FakeLogBuffer Logs { get; }

    public FakeBehavior Behavior { get; }

    public DateTimeOffset CreatedAt { get; }

    public Task<ContainerInfo> Exited => _exited.Task;

    /// <summary>The main process's stdin, when the container was created with <c>stdin: true</c>.</summary>
    public PipeWriter? Stdin => _stdin?.Writer;

    public bool IsRunning
    {
        get
        {
            lock (_lock)
            {
                return _state == ContainerState.Running;
            }
        }
    }

    /// <summary>Whether the container accepts connections now (for network probes and port-forward).</summary>
    public bool IsListening(DateTimeOffset now)
    {
        lock (_lock)
        {
            return _state == ContainerState.Running && Behavior.Healthy
                && (Behavior.UnhealthyAfter is not { } after || _startedAt is not { } started || now < started + after);
        }
    }

    public void Start()
    {
        lock (_lock)
        {
            if (_state != ContainerState.Created)
            {
                throw new ContainerRuntimeException($"container {Id} is {_state.ToString().ToLowerInvariant()}, not created");
            }

            _state = ContainerState.Running;
            _startedAt = _time.GetUtcNow();
        }

        _ = RunAsync();
    }

    /// <summary>Delivers a signal; SIGTERM is dropped when the behaviour says the process ignores it.</summary>
    public void Signal(ContainerSignal signal)
    {
        lock (_lock)
        {
            if (_state == ContainerState.Created && signal == ContainerSignal.Kill)
            {
                _signalCode = 137;
                Finish(137, "Error");
                return;
            }

            if (_state != ContainerState.Running || (signal == ContainerSignal.Terminate && Behavior.IgnoresSigterm))
            {
                return;
            }

            _signalCode ??= signal == ContainerSignal.Kill ? 137 : 143;
        }

        _process.Cancel();
    }

    public FakeProcessContext Context(Func<string, bool, ValueTask> write, TextReader? stdin, bool main) => new()
    {
        Files = Files,
        Environment = StringMap.From(Spec.Environment),
        Hostname = Sandbox.Spec.Hostname.Length > 0 ? Sandbox.Spec.Hostname : Sandbox.Spec.Name,
        Time = _time,
        Write = write,
        Stdin = stdin,
        UnknownRunsForever = main,
    };

    public ContainerInfo Info()
    {
        lock (_lock)
        {
            return Snapshot();
        }
    }

    private async Task RunAsync()
    {
        var argv = Behavior.Script is { } script ? ["sh", "-c", script] : Spec.Command.Concat(Spec.Args).ToList();
        using var stdin = _stdin is null ? null : new StreamReader(_stdin.Reader.AsStream());
        var context = Context(Write, stdin, main: true);
        int code;
        string? reason = null;
        try
        {
            code = await FakeShell.RunAsync(argv, context, _process.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            lock (_lock)
            {
                code = _signalCode ?? 137;
            }
        }
        catch (FakeShellExit exit) when (exit.OutOfMemory)
        {
            code = exit.Code;
            reason = "OOMKilled";
        }

        lock (_lock)
        {
            Finish(code, reason ?? (code == 0 ? "Completed" : "Error"));
        }
    }

    private ValueTask Write(string text, bool error)
    {
        Logs.Write(text, error);
        return ValueTask.CompletedTask;
    }

    /// <summary>Records the exit; called under the lock.</summary>
    private void Finish(int code, string reason)
    {
        if (_state == ContainerState.Exited)
        {
            return;
        }

        _state = ContainerState.Exited;
        _exitCode = code;
        _reason = reason;
        _finishedAt = _time.GetUtcNow();
        Logs.Close();
        _stdin?.Writer.Complete();
        var info = Snapshot();
        _exited.TrySetResult(info);
    }

    private ContainerInfo Snapshot() => new()
    {
        Id = Id,
        SandboxId = Sandbox.Id,
        Name = Spec.Name,
        Image = Spec.Image,
        ImageId = ImageId,
        Labels = Spec.Labels,
        Annotations = Spec.Annotations,
        State = _state,
        ExitCode = _exitCode,
        Reason = _reason,
        CreatedAt = CreatedAt,
        StartedAt = _startedAt,
        FinishedAt = _finishedAt,
    };
}
