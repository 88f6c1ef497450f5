using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Pipelines;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SuperKube.Runtime.Containers;

namespace SuperKube.Runtime.Fake;

/// <summary>
/// An in-process container runtime that simulates containers faithfully enough for tests and scale runs: processes
/// interpret their command (see <see cref="FakeRuntimeAnnotations"/>), time passes on the injected
/// <see cref="TimeProvider"/>, logs stay in memory, and exec, attach and port-forward have real streams.
/// </summary>
public sealed class FakeContainerRuntime : IContainerRuntime
{
    private readonly TimeProvider _time;
    private readonly FakeRuntimeOptions _options;
    private readonly FakeImages _images = new();
    private readonly ConcurrentDictionary<string, FakeSandbox> _sandboxes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FakeContainer> _containers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte[]>> _hostDirectories = new(StringComparer.Ordinal);
    private long _nextId;

    public FakeContainerRuntime(TimeProvider time, IOptions<FakeRuntimeOptions> options)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        _options = options.Value;
    }

    /// <summary>A runtime on <paramref name="time"/> (the system clock when null) with default options.</summary>
    public FakeContainerRuntime(TimeProvider? time = null) : this(time ?? TimeProvider.System, Options.Create(new FakeRuntimeOptions()))
    {
    }

    /// <summary>The number of containers the runtime holds (any state).</summary>
    public int ContainerCount => _containers.Count;

    public Task<RuntimeVersion> GetVersionAsync(CancellationToken cancellationToken) => Task.FromResult(new RuntimeVersion("fake", _options.Version));

    public async Task<ImagePullResult> PullImageAsync(string image, ImagePullPolicy policy, PodSandboxSpec? sandbox, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(image);
        var present = _images.IsPresent(image);
        if (policy == ImagePullPolicy.Never && !present)
        {
            throw new ImagePullException("ErrImageNeverPull", $"Container image \"{image}\" is not present with pull policy of Never");
        }

        if (present && policy != ImagePullPolicy.Always)
        {
            return new ImagePullResult(image, FakeImages.Digest(image), FakeImages.Size(image), AlreadyPresent: true, TimeSpan.Zero);
        }

        if (_options.PullDuration > TimeSpan.Zero)
        {
            await Task.Delay(_options.PullDuration, _time, cancellationToken).ConfigureAwait(false);
        }

        var annotations = sandbox?.Annotations ?? new Dictionary<string, string>();
        if (FakeBehavior.ImageFailsToPull(image) || annotations.Any(a => a.Key.StartsWith(FakeRuntimeAnnotations.Pull, StringComparison.Ordinal) && a.Value == "fail"))
        {
            var reference = FakeImages.Normalize(image);
            throw new ImagePullException("ErrImagePull",
                $"failed to pull and unpack image \"{reference}\": failed to resolve reference \"{reference}\": {reference}: not found");
        }

        _images.Add(image);
        return new ImagePullResult(image, FakeImages.Digest(image), FakeImages.Size(image), AlreadyPresent: false, _options.PullDuration);
    }

    public Task<string> CreateSandboxAsync(PodSandboxSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var sandbox = new FakeSandbox(NewId(spec.PodUid), spec);
        _sandboxes[sandbox.Id] = sandbox;
        return Task.FromResult(sandbox.Id);
    }

    public Task RemoveSandboxAsync(string sandboxId, CancellationToken cancellationToken)
    {
        if (_sandboxes.TryRemove(sandboxId, out var sandbox))
        {
            foreach (var container in sandbox.Containers.Values)
            {
                container.Signal(ContainerSignal.Kill);
                _containers.TryRemove(container.Id, out _);
            }
        }

        return Task.CompletedTask;
    }

    public Task<string> CreateContainerAsync(string sandboxId, ContainerSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var sandbox = _sandboxes.TryGetValue(sandboxId, out var s) ? s : throw new ContainerRuntimeException($"sandbox {sandboxId} not found");
        var mounts = spec.Mounts.Select(m => FakeFileSystem.Mount.Create(m.ContainerPath, Store(m), m.ReadOnly));
        var container = new FakeContainer(NewId(sandboxId + spec.Name), sandbox, spec, FakeImages.Digest(spec.Image), new FakeFileSystem(mounts), _time);
        sandbox.Containers[container.Id] = container;
        _containers[container.Id] = container;
        return Task.FromResult(container.Id);
    }

    public Task StartContainerAsync(string containerId, CancellationToken cancellationToken)
    {
        Find(containerId).Start();
        return Task.CompletedTask;
    }

    public async Task StopContainerAsync(string containerId, TimeSpan gracePeriod, CancellationToken cancellationToken)
    {
        var container = Find(containerId);
        if (!container.IsRunning)
        {
            container.Signal(ContainerSignal.Kill); // a created container never starts
            return;
        }

        container.Signal(ContainerSignal.Terminate);
        if (gracePeriod > TimeSpan.Zero)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = Task.Delay(gracePeriod, _time, timeout.Token);
            var first = await Task.WhenAny(container.Exited, delay).ConfigureAwait(false);
            await timeout.CancelAsync().ConfigureAwait(false);
            if (first == container.Exited)
            {
                return;
            }

            cancellationToken.ThrowIfCancellationRequested();
        }

        container.Signal(ContainerSignal.Kill);
        await container.Exited.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task KillContainerAsync(string containerId, ContainerSignal signal, CancellationToken cancellationToken)
    {
        Find(containerId).Signal(signal);
        return Task.CompletedTask;
    }

    public Task RemoveContainerAsync(string containerId, CancellationToken cancellationToken)
    {
        if (_containers.TryRemove(containerId, out var container))
        {
            container.Signal(ContainerSignal.Kill);
            container.Sandbox.Containers.TryRemove(containerId, out _);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ContainerInfo>> ListContainersAsync(IReadOnlyDictionary<string, string>? labels, CancellationToken cancellationToken)
    {
        IReadOnlyList<ContainerInfo> result = [.. _containers.Values
            .Where(c => labels is null || labels.All(l => c.Spec.Labels.TryGetValue(l.Key, out var v) && v == l.Value))
            .Select(c => c.Info())
            .OrderBy(c => c.CreatedAt)
            .ThenBy(c => c.Id, StringComparer.Ordinal)];
        return Task.FromResult(result);
    }

    public Task<ContainerInfo?> InspectContainerAsync(string containerId, CancellationToken cancellationToken) =>
        Task.FromResult(_containers.TryGetValue(containerId, out var container) ? container.Info() : null);

    public Task<ContainerInfo> WaitContainerAsync(string containerId, CancellationToken cancellationToken) =>
        Find(containerId).Exited.WaitAsync(cancellationToken);

    public Task<Stream> GetLogsAsync(string containerId, LogOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Task.FromResult(Find(containerId).Logs.Open(options, cancellationToken));
    }

    public Task<IContainerSession> ExecAsync(string containerId, ExecOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var container = Running(containerId);
        var stdin = options.Stdin ? new Pipe() : null;
        var stdout = new Pipe();
        var stderr = options.Stderr && !options.Tty ? new Pipe() : null;
        var process = new CancellationTokenSource();
        async ValueTask Write(string text, bool error)
        {
            var target = error && stderr is not null ? stderr : stdout;
            if (error ? options.Stderr || options.Tty : options.Stdout)
            {
                await target.Writer.WriteAsync(Encoding.UTF8.GetBytes(text)).ConfigureAwait(false);
            }
        }

        async Task<int> RunAsync()
        {
            using var reader = stdin is null ? null : new StreamReader(stdin.Reader.AsStream());
            try
            {
                return await FakeShell.RunAsync(options.Command, container.Context(Write, reader, main: false), process.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return 137;
            }
            catch (FakeShellExit exit)
            {
                return exit.Code;
            }
            finally
            {
                await stdout.Writer.CompleteAsync().ConfigureAwait(false);
                if (stderr is not null)
                {
                    await stderr.Writer.CompleteAsync().ConfigureAwait(false);
                }
            }
        }

        var exit = Task.Run(RunAsync, CancellationToken.None);
        IContainerSession session = new FakeSession(
            stdin?.Writer.AsStream(), options.Stdout || stderr is null ? stdout.Reader.AsStream() : null, stderr?.Reader.AsStream(), exit, process);
        return Task.FromResult(session);
    }

    public Task<IContainerSession> AttachAsync(string containerId, AttachOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var container = Running(containerId);
        var output = options.Stdout || options.Stderr ? container.Logs.Open(new LogOptions { Follow = true, TailLines = 0 }, CancellationToken.None) : null;
        var stdin = options.Stdin && container.Stdin is { } writer ? writer.AsStream(leaveOpen: true) : null;
        var exit = ExitCodeAsync(container.Exited);
        IContainerSession session = new FakeSession(stdin, output, null, exit, null);
        return Task.FromResult(session);
    }

    public Task<Stream> PortForwardAsync(string sandboxId, int port, CancellationToken cancellationToken)
    {
        var sandbox = _sandboxes.TryGetValue(sandboxId, out var s) ? s : throw new ContainerRuntimeException($"sandbox {sandboxId} not found");
        var now = _time.GetUtcNow();
        if (port is <= 0 or > 65535 || !sandbox.Containers.Values.Any(c => c.IsListening(now)))
        {
            throw new ContainerRuntimeException(
                $"dial tcp {sandbox.Spec.Ip}:{port.ToString(CultureInfo.InvariantCulture)}: connect: connection refused");
        }

        return Task.FromResult(FakeConnection.Open(sandbox.Spec.Name));
    }

    public Task<ContainerStats> GetStatsAsync(string containerId, CancellationToken cancellationToken)
    {
        var container = Running(containerId);
        var seed = SHA256.HashData(Encoding.UTF8.GetBytes(container.Id));
        var memory = (8L << 20) + (seed[1] * (256L << 10));
        if (container.Spec.MemoryLimitBytes > 0)
        {
            memory = Math.Min(memory, container.Spec.MemoryLimitBytes);
        }

        return Task.FromResult(new ContainerStats(_time.GetUtcNow(), (seed[0] % 10 + 1) * 1_000_000L, memory));
    }

    private static async Task<int> ExitCodeAsync(Task<ContainerInfo> exited) => (await exited.ConfigureAwait(false)).ExitCode ?? 0;

    /// <summary>The lines a container has written so far (tests).</summary>
    internal IReadOnlyList<string> LogLines(string containerId) => Find(containerId).Logs.Lines();

    private FakeContainer Find(string containerId) =>
        _containers.TryGetValue(containerId, out var container) ? container : throw new ContainerRuntimeException($"container {containerId} not found");

    private FakeContainer Running(string containerId)
    {
        var container = Find(containerId);
        return container.IsRunning ? container : throw new ContainerRuntimeException($"container {containerId} is not running");
    }

    private ConcurrentDictionary<string, byte[]> Store(MountSpec mount)
    {
        if (mount.HostPath is { } host)
        {
            return _hostDirectories.GetOrAdd(host, _ => new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal));
        }

        return mount.Files is null ? SmallConcurrentMap.Create<byte[]>() : SmallConcurrentMap.Create(mount.Files);
    }

    private string NewId(string seed)
    {
        var n = Interlocked.Increment(ref _nextId);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed + "/" + n.ToString(CultureInfo.InvariantCulture))));
    }
}
