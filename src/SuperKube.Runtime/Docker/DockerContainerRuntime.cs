using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using SuperKube.Runtime.Containers;
using SuperKube.Runtime.Docker.Api;
using SuperKube.Runtime.Docker.Client;
using SuperKube.Splicing;

namespace SuperKube.Runtime.Docker;

/// <summary>
/// Runs pods on a Docker engine. Each pod gets a sandbox container (the locally built pause image) that owns the pod's
/// network namespace on the default bridge, so the pod IP is the sandbox's bridge address; app containers join it
/// with <c>NetworkMode: container:&lt;sandbox&gt;</c> and share localhost. Every container carries
/// <see cref="DockerLabels"/> so a restarted agent can find its pods' containers again.
/// </summary>
public sealed class DockerContainerRuntime : IContainerRuntime, IDisposable
{
    private const string HostLoopback = "127.0.0.1";

    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ExecExitLimit = TimeSpan.FromSeconds(10);

    private readonly IDockerClient _docker;
    private readonly TimeProvider _time;
    private readonly DockerRuntimeOptions _options;
    private readonly SemaphoreSlim _pauseLock = new(1, 1);
    private readonly ConcurrentDictionary<string, SandboxAddress> _sandboxAddresses = new(StringComparer.Ordinal);
    private bool _pauseReady;

    public DockerContainerRuntime(TimeProvider time, IOptions<DockerRuntimeOptions> options)
        : this(CreateClient(options), time, options.Value)
    {
    }

    internal DockerContainerRuntime(IDockerClient docker, TimeProvider time, DockerRuntimeOptions options)
    {
        ArgumentNullException.ThrowIfNull(docker);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        _docker = docker;
        _time = time;
        _options = options;
    }

    internal IDockerClient Client => _docker;

    public async Task<RuntimeVersion> GetVersionAsync(CancellationToken cancellationToken)
    {
        var version = await _docker.GetVersionAsync(cancellationToken).ConfigureAwait(false);
        return new RuntimeVersion("docker", version.Version ?? "unknown");
    }

    public async Task<ImagePullResult> PullImageAsync(string image, ImagePullPolicy policy, PodSandboxSpec? sandbox, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(image);
        var started = _time.GetTimestamp();
        var present = await _docker.InspectImageAsync(image, cancellationToken).ConfigureAwait(false);
        if (present is not null && policy != ImagePullPolicy.Always)
        {
            return new ImagePullResult(image, present.Id, present.Size, AlreadyPresent: true, TimeSpan.Zero) { User = present.Config?.User };
        }

        if (policy == ImagePullPolicy.Never)
        {
            throw new ImagePullException("ErrImageNeverPull", $"Container image \"{image}\" is not present with pull policy of Never");
        }

        try
        {
            var auth = RegistryAuthHeader.For(image, sandbox?.PullCredentials ?? []) ?? _options.RegistryAuth;
            await _docker.PullImageAsync(image, auth, null, cancellationToken).ConfigureAwait(false);
        }
        catch (ContainerRuntimeException ex) when (ex is not ImagePullException)
        {
            throw new ImagePullException("ErrImagePull", $"failed to pull image \"{image}\": {ex.Message}");
        }

        var pulled = await _docker.InspectImageAsync(image, cancellationToken).ConfigureAwait(false)
                     ?? throw new ImagePullException("ErrImagePull", $"image \"{image}\" is absent after its pull");
        return new ImagePullResult(image, pulled.Id, pulled.Size, AlreadyPresent: false, _time.GetElapsedTime(started)) { User = pulled.Config?.User };
    }

    public async Task<string> CreateSandboxAsync(PodSandboxSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        await EnsurePauseImageAsync(cancellationToken).ConfigureAwait(false);
        var labels = new Dictionary<string, string>(spec.Labels, StringComparer.Ordinal)
        {
            [DockerLabels.Managed] = "true",
            [DockerLabels.Role] = DockerLabels.SandboxRole,
            [DockerLabels.PodUid] = spec.PodUid,
            [DockerLabels.PodName] = spec.Name,
            [DockerLabels.PodNamespace] = spec.Namespace,
            [DockerLabels.HostNetwork] = spec.HostNetwork ? "true" : "false",
        };
        var request = new ContainerCreateRequest
        {
            Image = _options.PauseImage,
            Entrypoint = [PauseImage.Program],
            Hostname = spec.HostNetwork ? null : HostName(spec.Hostname.Length > 0 ? spec.Hostname : spec.Name),
            Labels = labels,
            HostConfig = new ContainerHostConfig
            {
                NetworkMode = spec.HostNetwork ? "host" : "bridge",
                IpcMode = "shareable",
                Dns = spec.Dns is { } dns ? [.. dns.Nameservers] : null, // app containers share the sandbox's resolv.conf
                DnsSearch = spec.Dns is { } search ? [.. search.Searches] : null,
                DnsOptions = spec.Dns is { } options ? [.. options.Options] : null,
            },
        };
        var id = await _docker.CreateContainerAsync(Name("POD", spec), request, cancellationToken).ConfigureAwait(false);
        try
        {
            await _docker.StartContainerAsync(id, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await _docker.RemoveContainerAsync(id, force: true, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        return id;
    }

    /// <summary>The sandbox's address on the Docker bridge (the pod IP); null for host-network pods, which keep the node's.</summary>
    public async Task<string?> GetSandboxIpAsync(string sandboxId, CancellationToken cancellationToken) =>
        await ReachableAddressAsync(sandboxId, cancellationToken).ConfigureAwait(false) is { HostNetwork: false } address ? address.Ip : null;

    public async Task RemoveSandboxAsync(string sandboxId, CancellationToken cancellationToken)
    {
        var members = await _docker.ListContainersAsync(new Dictionary<string, string> { [DockerLabels.SandboxId] = sandboxId }, cancellationToken).ConfigureAwait(false);
        foreach (var member in members)
        {
            await _docker.RemoveContainerAsync(member.Id, force: true, cancellationToken).ConfigureAwait(false);
        }

        await _docker.RemoveContainerAsync(sandboxId, force: true, cancellationToken).ConfigureAwait(false);
        _sandboxAddresses.TryRemove(sandboxId, out _);
    }

    public async Task<string> CreateContainerAsync(string sandboxId, ContainerSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var sandbox = await _docker.InspectContainerAsync(sandboxId, cancellationToken).ConfigureAwait(false);
        if (sandbox?.Config.Labels?.GetValueOrDefault(DockerLabels.Role) != DockerLabels.SandboxRole)
        {
            throw new ContainerRuntimeException($"sandbox {sandboxId} not found");
        }

        var imageUser = spec.RunAsGroup is not null && spec.RunAsUser is null
            ? (await _docker.InspectImageAsync(spec.Image, cancellationToken).ConfigureAwait(false))?.Config?.User
            : null; // runAsGroup alone keeps the image's user
        var request = DockerContainerRequest.Create(sandbox, spec, imageUser);
        var id = await _docker.CreateContainerAsync(Name(spec.Name, sandbox), request, cancellationToken).ConfigureAwait(false);
        if (spec.Mounts.Any(m => m.Files is not null))
        {
            try
            {
                await _docker.PutArchiveAsync(id, "/", ProjectedFiles(spec.Mounts), cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await _docker.RemoveContainerAsync(id, force: true, CancellationToken.None).ConfigureAwait(false);
                throw;
            }
        }

        return id;
    }

    public Task StartContainerAsync(string containerId, CancellationToken cancellationToken) => _docker.StartContainerAsync(containerId, cancellationToken);

    public async Task StopContainerAsync(string containerId, TimeSpan gracePeriod, CancellationToken cancellationToken)
    {
        var container = await FindAsync(containerId, cancellationToken).ConfigureAwait(false);
        if (!container.State.Running)
        {
            return;
        }

        var seconds = (int)Math.Ceiling(Math.Max(0, gracePeriod.TotalSeconds));
        await _docker.StopContainerAsync(containerId, seconds, cancellationToken).ConfigureAwait(false);
        await _docker.WaitContainerAsync(containerId, "not-running", cancellationToken).ConfigureAwait(false);
    }

    public async Task KillContainerAsync(string containerId, ContainerSignal signal, CancellationToken cancellationToken)
    {
        try
        {
            await _docker.KillContainerAsync(containerId, signal == ContainerSignal.Terminate ? "SIGTERM" : "SIGKILL", cancellationToken).ConfigureAwait(false);
        }
        catch (DockerApiException ex) when (ex.StatusCode == HttpStatusCode.Conflict)
        {
            // Not running: nothing to signal.
        }
    }

    public Task RemoveContainerAsync(string containerId, CancellationToken cancellationToken) =>
        _docker.RemoveContainerAsync(containerId, force: true, cancellationToken);

    public async Task<IReadOnlyList<ContainerInfo>> ListContainersAsync(IReadOnlyDictionary<string, string>? labels, CancellationToken cancellationToken)
    {
        var filter = new Dictionary<string, string>(labels ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            [DockerLabels.Managed] = "true",
            [DockerLabels.Role] = DockerLabels.ContainerRole,
        };
        var found = await _docker.ListContainersAsync(filter, cancellationToken).ConfigureAwait(false);
        var result = new List<ContainerInfo>(found.Count);
        foreach (var summary in found)
        {
            if (await _docker.InspectContainerAsync(summary.Id, cancellationToken).ConfigureAwait(false) is { } container)
            {
                result.Add(DockerContainerInfo.From(container));
            }
        }

        return [.. result.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id, StringComparer.Ordinal)];
    }

    public async Task<ContainerInfo?> InspectContainerAsync(string containerId, CancellationToken cancellationToken) =>
        await _docker.InspectContainerAsync(containerId, cancellationToken).ConfigureAwait(false) is { } container ? DockerContainerInfo.From(container) : null;

    public async Task<ContainerInfo> WaitContainerAsync(string containerId, CancellationToken cancellationToken)
    {
        var container = await FindAsync(containerId, cancellationToken).ConfigureAwait(false);
        var info = DockerContainerInfo.From(container);
        if (info.State == ContainerState.Exited)
        {
            return info;
        }

        await _docker.WaitContainerAsync(containerId, info.State == ContainerState.Created ? "next-exit" : "not-running", cancellationToken).ConfigureAwait(false);
        return DockerContainerInfo.From(await FindAsync(containerId, cancellationToken).ConfigureAwait(false));
    }

    public async Task<Stream> GetLogsAsync(string containerId, LogOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var container = await FindAsync(containerId, cancellationToken).ConfigureAwait(false);
        var query = "stdout=1&stderr=1"
                    + (options.Follow ? "&follow=1" : "")
                    + (options.Timestamps ? "&timestamps=1" : "")
                    + "&tail=" + (options.TailLines is { } tail ? Math.Max(0, tail).ToString(CultureInfo.InvariantCulture) : "all")
                    + (options.Since is { } since ? "&since=" + DockerTime.UnixSeconds(since) : "");
        var source = await _docker.GetLogsAsync(containerId, query, cancellationToken).ConfigureAwait(false);
        var tty = container.Config.Tty;
        return PumpedStream.Start(async (target, token) =>
        {
            await using (source.ConfigureAwait(false))
            {
                var sink = options.LimitBytes is { } limit ? new ByteLimitStream(target, limit) : target;
                if (tty)
                {
                    await source.CopyToAsync(sink, token).ConfigureAwait(false);
                }
                else
                {
                    await DockerStreamDemultiplexer.CopyAsync(source, sink, sink, token).ConfigureAwait(false);
                }
            }
        });
    }

    public async Task<IContainerSession> ExecAsync(string containerId, ExecOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        await RunningAsync(containerId, cancellationToken).ConfigureAwait(false);
        var streams = new DockerSessionStreams(options.Stdin, options.Stdout, options.Stderr && !options.Tty, options.Tty);
        var execId = await _docker.CreateExecAsync(containerId, new ExecCreateRequest
        {
            Cmd = [.. options.Command],
            AttachStdin = streams.Stdin,
            AttachStdout = streams.Stdout,
            AttachStderr = streams.Stderr,
            Tty = streams.Tty,
        }, cancellationToken).ConfigureAwait(false);
        var connection = await _docker.StartExecAsync(execId, options.Tty, cancellationToken).ConfigureAwait(false);
        return new DockerSession(connection, streams, token => ExecExitCodeAsync(execId, token),
            (size, token) => _docker.ResizeExecAsync(execId, size.Width, size.Height, token));
    }

    public async Task<IContainerSession> AttachAsync(string containerId, AttachOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var container = await RunningAsync(containerId, cancellationToken).ConfigureAwait(false);
        var tty = container.Config.Tty;
        var streams = new DockerSessionStreams(options.Stdin && container.Config.OpenStdin, options.Stdout, options.Stderr && !tty, tty);
        var connection = await _docker.AttachContainerAsync(containerId, streams.Stdin, streams.Stdout, streams.Stderr, cancellationToken).ConfigureAwait(false);
        return new DockerSession(connection, streams, async token => (await WaitContainerAsync(containerId, token).ConfigureAwait(false)).ExitCode ?? 0,
            (size, token) => _docker.ResizeContainerAsync(containerId, size.Width, size.Height, token));
    }

    public async Task<Stream> PortForwardAsync(string sandboxId, int port, CancellationToken cancellationToken)
    {
        var sandbox = await ReachableAddressAsync(sandboxId, cancellationToken).ConfigureAwait(false);
        var portText = port.ToString(CultureInfo.InvariantCulture);
        if (port is <= 0 or > 65535)
        {
            throw new ContainerRuntimeException($"dial tcp {sandbox.Ip}:{portText}: invalid port");
        }

        // Inside the pod's network namespace where the agent may enter it, as the kubelet does (the pod's localhost);
        // otherwise the pod's address from the host.
        var inside = sandbox.Namespace?.TryCreateSocket();
        var ip = inside is null ? sandbox.Ip : HostLoopback;
        var address = $"{ip}:{portText}";

        try
        {
            var socket = inside ?? new Socket(SocketType.Stream, ProtocolType.Tcp);
            return await SpliceableNetworkStream.ConnectAsync(socket, new IPEndPoint(IPAddress.Parse(ip), port), ConnectTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.TimedOut)
        {
            throw new ContainerRuntimeException($"dial tcp {address}: connect: connection timed out");
        }
        catch (SocketException ex)
        {
            // The system's text for the error alone (.NET's message appends the endpoint, already named here).
            throw new ContainerRuntimeException($"dial tcp {address}: connect: {new SocketException((int)ex.SocketErrorCode).Message}", ex);
        }
    }

    public async Task<ContainerStats> GetStatsAsync(string containerId, CancellationToken cancellationToken)
    {
        await RunningAsync(containerId, cancellationToken).ConfigureAwait(false);
        var stats = await _docker.GetStatsAsync(containerId, cancellationToken).ConfigureAwait(false);
        var memory = stats.MemoryStats?.Usage ?? 0;
        var inactive = stats.MemoryStats?.Stats is { } counters
            ? counters.GetValueOrDefault("inactive_file", counters.GetValueOrDefault("total_inactive_file"))
            : 0;
        var cpu = (stats.CpuStats?.CpuUsage?.TotalUsage ?? 0) - (stats.PreCpuStats?.CpuUsage?.TotalUsage ?? 0);
        var elapsed = stats.Read - stats.PreRead;
        var nanoCores = stats.PreRead.Year > 1 && elapsed > TimeSpan.Zero && cpu > 0 ? (long)(cpu / elapsed.TotalSeconds) : 0;
        return new ContainerStats(stats.Read.Year > 1 ? stats.Read : _time.GetUtcNow(), nanoCores, Math.Max(memory - inactive, memory > 0 ? 1 : 0));
    }

    public void Dispose()
    {
        _docker.Dispose();
        _pauseLock.Dispose();
    }

    private static DockerClient CreateClient(IOptions<DockerRuntimeOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var host = options.Value.Host;
        return new DockerClient(host is null ? DockerEndpoint.FromEnvironment() : DockerEndpoint.Parse(host));
    }

    /// <summary>A unique container name in the dockershim style: <c>k8s_CONTAINER_POD_NAMESPACE_UID_RANDOM</c>.</summary>
    private static string Name(string container, PodSandboxSpec pod) => Name(container, pod.Name, pod.Namespace, pod.PodUid);

    private static string Name(string container, ContainerInspectResponse sandbox)
    {
        var labels = sandbox.Config.Labels ?? [];
        return Name(container, labels.GetValueOrDefault(DockerLabels.PodName, "pod"), labels.GetValueOrDefault(DockerLabels.PodNamespace, "default"),
            labels.GetValueOrDefault(DockerLabels.PodUid, "uid"));
    }

    private static string Name(string container, string pod, string ns, string uid) =>
        $"k8s_{container}_{pod}_{ns}_{uid}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";

    private static string HostName(string name) => name.Length <= 63 ? name : name[..63];

    private static MemoryStream ProjectedFiles(IEnumerable<MountSpec> mounts)
    {
        var archive = new RootFileSystemArchive();
        foreach (var mount in mounts.Where(m => m.Files is not null))
        {
            archive.AddDirectory(mount.ContainerPath);
            foreach (var (path, content) in mount.Files!)
            {
                archive.AddFile(mount.ContainerPath.TrimEnd('/') + "/" + path, content);
            }
        }

        return archive.Build();
    }

    /// <summary>
    /// Where the host reaches the sandbox's network: its bridge address, or loopback for host-network pods; and its
    /// network namespace (inspected again once the sandbox's process is no longer the one recorded).
    /// </summary>
    private async Task<SandboxAddress> ReachableAddressAsync(string sandboxId, CancellationToken cancellationToken)
    {
        if (_sandboxAddresses.TryGetValue(sandboxId, out var known) && known.Namespace?.IsCurrent != false)
        {
            return known;
        }

        var sandbox = await _docker.InspectContainerAsync(sandboxId, cancellationToken).ConfigureAwait(false)
                      ?? throw new ContainerRuntimeException($"sandbox {sandboxId} not found");
        var hostNetwork = sandbox.Config.Labels?.GetValueOrDefault(DockerLabels.HostNetwork) == "true";
        var ip = hostNetwork ? HostLoopback : sandbox.NetworkSettings?.IPAddress;
        if (string.IsNullOrEmpty(ip))
        {
            throw new ContainerRuntimeException($"sandbox {sandboxId} has no network address");
        }

        var address = new SandboxAddress(ip, hostNetwork, hostNetwork ? null : PodNetworkNamespace.Of(sandbox.State.Pid));
        _sandboxAddresses[sandboxId] = address;
        return address;
    }

    private async Task<ContainerInspectResponse> FindAsync(string containerId, CancellationToken cancellationToken) =>
        await _docker.InspectContainerAsync(containerId, cancellationToken).ConfigureAwait(false)
        ?? throw new ContainerRuntimeException($"container {containerId} not found");

    private async Task<ContainerInspectResponse> RunningAsync(string containerId, CancellationToken cancellationToken)
    {
        var container = await FindAsync(containerId, cancellationToken).ConfigureAwait(false);
        return container.State.Running ? container : throw new ContainerRuntimeException($"container {containerId} is not running");
    }

    /// <summary>The exec's exit code; the engine may report it a moment after the output stream has closed.</summary>
    private async Task<int> ExecExitCodeAsync(string execId, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + ExecExitLimit;
        while (true)
        {
            var exec = await _docker.InspectExecAsync(execId, cancellationToken).ConfigureAwait(false);
            if (!exec.Running && exec.ExitCode is { } code)
            {
                return code;
            }

            if (_time.GetUtcNow() > deadline)
            {
                throw new ContainerRuntimeException($"exec {execId} did not report an exit code");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Imports the pause image the first time a sandbox is needed, unless the engine already has it.</summary>
    private async Task EnsurePauseImageAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _pauseReady))
        {
            return;
        }

        await _pauseLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_pauseReady && await _docker.InspectImageAsync(_options.PauseImage, cancellationToken).ConfigureAwait(false) is null)
            {
                using var archive = PauseImage.Archive(RuntimeInformation.OSArchitecture);
                await _docker.ImportImageAsync(archive, _options.PauseImage, cancellationToken).ConfigureAwait(false);
            }

            Volatile.Write(ref _pauseReady, true);
        }
        finally
        {
            _pauseLock.Release();
        }
    }

    /// <summary>How a sandbox is reached: its address, and its network namespace when the agent may enter it.</summary>
    private sealed record SandboxAddress(string Ip, bool HostNetwork, PodNetworkNamespace? Namespace);
}
