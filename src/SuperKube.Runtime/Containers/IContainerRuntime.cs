namespace SuperKube.Runtime.Containers;

/// <summary>
/// What the node agent needs from a container runtime (the role CRI plays for the kubelet). Containers live in pod
/// sandboxes that own the pod's network; streams (logs, exec, attach, port-forward) are plain <see cref="Stream"/>s so
/// the API's streaming endpoints can pipe them through unchanged. Backends: Fake (in-process simulation) and Docker.
/// </summary>
public interface IContainerRuntime
{
    /// <summary>The backend's name and version, as reported in <c>nodeInfo.containerRuntimeVersion</c> (<c>fake://0.1.0</c>).</summary>
    Task<RuntimeVersion> GetVersionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Makes <paramref name="image"/> available under <paramref name="policy"/> for the pod of <paramref name="sandbox"/>.
    /// Throws <see cref="ImagePullException"/> when it cannot be pulled (or is absent under <see cref="ImagePullPolicy.Never"/>).
    /// </summary>
    Task<ImagePullResult> PullImageAsync(string image, ImagePullPolicy policy, PodSandboxSpec? sandbox, CancellationToken cancellationToken);

    /// <summary>Creates the pod's sandbox (network namespace with the pod IP); returns its id.</summary>
    Task<string> CreateSandboxAsync(PodSandboxSpec spec, CancellationToken cancellationToken);

    /// <summary>
    /// The address the sandbox actually got, when the runtime chooses it (Docker's bridge address); null means the
    /// sandbox uses the <see cref="PodSandboxSpec.Ip"/> it was created with.
    /// </summary>
    Task<string?> GetSandboxIpAsync(string sandboxId, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    /// <summary>Removes a sandbox and every container in it (killing those still running). Unknown ids are ignored.</summary>
    Task RemoveSandboxAsync(string sandboxId, CancellationToken cancellationToken);

    /// <summary>Creates a container in a sandbox (not started); returns its id.</summary>
    Task<string> CreateContainerAsync(string sandboxId, ContainerSpec spec, CancellationToken cancellationToken);

    /// <summary>Starts a created container.</summary>
    Task StartContainerAsync(string containerId, CancellationToken cancellationToken);

    /// <summary>
    /// Stops a container gracefully: SIGTERM, then SIGKILL once <paramref name="gracePeriod"/> has passed. Completes
    /// when the container has exited. Stopping an exited container does nothing.
    /// </summary>
    Task StopContainerAsync(string containerId, TimeSpan gracePeriod, CancellationToken cancellationToken);

    /// <summary>Sends a signal (default SIGKILL) to the container's main process.</summary>
    Task KillContainerAsync(string containerId, ContainerSignal signal, CancellationToken cancellationToken);

    /// <summary>Removes an exited container and its logs. Unknown ids are ignored.</summary>
    Task RemoveContainerAsync(string containerId, CancellationToken cancellationToken);

    /// <summary>Containers whose labels include every pair of <paramref name="labels"/> (all containers when empty).</summary>
    Task<IReadOnlyList<ContainerInfo>> ListContainersAsync(IReadOnlyDictionary<string, string>? labels, CancellationToken cancellationToken);

    /// <summary>The container's current state, or null when it does not exist.</summary>
    Task<ContainerInfo?> InspectContainerAsync(string containerId, CancellationToken cancellationToken);

    /// <summary>Completes with the container's final state once it has exited (at once if it already has).</summary>
    Task<ContainerInfo> WaitContainerAsync(string containerId, CancellationToken cancellationToken);

    /// <summary>
    /// The container's output as text lines; with <see cref="LogOptions.Follow"/> the stream stays open until the
    /// container exits or the caller disposes it.
    /// </summary>
    Task<Stream> GetLogsAsync(string containerId, LogOptions options, CancellationToken cancellationToken);

    /// <summary>Runs a command in a running container.</summary>
    Task<IContainerSession> ExecAsync(string containerId, ExecOptions options, CancellationToken cancellationToken);

    /// <summary>Attaches to the main process of a running container; the session ends when the container exits.</summary>
    Task<IContainerSession> AttachAsync(string containerId, AttachOptions options, CancellationToken cancellationToken);

    /// <summary>
    /// Opens a connection to <paramref name="port"/> inside the pod's network; throws <see cref="ContainerRuntimeException"/>
    /// when nothing listens there.
    /// </summary>
    Task<Stream> PortForwardAsync(string sandboxId, int port, CancellationToken cancellationToken);

    /// <summary>Resource usage of a running container.</summary>
    Task<ContainerStats> GetStatsAsync(string containerId, CancellationToken cancellationToken);
}
