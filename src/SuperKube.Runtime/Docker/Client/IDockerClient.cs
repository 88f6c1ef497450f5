using SuperKube.Runtime.Docker.Api;

namespace SuperKube.Runtime.Docker.Client;

/// <summary>
/// The slice of the Docker Engine API the runtime uses; kept small so another client (Docker.DotNet) could stand in.
/// Errors surface as <see cref="Containers.ContainerRuntimeException"/> (<see cref="DockerApiException"/> for error statuses).
/// </summary>
internal interface IDockerClient : IDisposable
{
    /// <summary>Where the engine is (for messages).</summary>
    DockerEndpoint Endpoint { get; }

    Task<DockerVersionResponse> GetVersionAsync(CancellationToken cancellationToken);

    /// <summary>The image, or null when it is not present.</summary>
    Task<ImageInspectResponse?> InspectImageAsync(string image, CancellationToken cancellationToken);

    /// <summary>Pulls an image, reporting each progress line; throws when the engine reports an error.</summary>
    Task PullImageAsync(string image, string? registryAuth, IProgress<ProgressMessage>? progress, CancellationToken cancellationToken);

    /// <summary>Creates an image from a root file system tarball (<c>POST /images/create?fromSrc=-</c>).</summary>
    Task ImportImageAsync(Stream rootFileSystemTar, string reference, CancellationToken cancellationToken);

    Task<string> CreateContainerAsync(string? name, ContainerCreateRequest request, CancellationToken cancellationToken);

    Task StartContainerAsync(string id, CancellationToken cancellationToken);

    /// <summary>SIGTERM, then SIGKILL after <paramref name="timeoutSeconds"/>; returns once stopped.</summary>
    Task StopContainerAsync(string id, int timeoutSeconds, CancellationToken cancellationToken);

    Task KillContainerAsync(string id, string signal, CancellationToken cancellationToken);

    /// <summary>Removes a container (forcefully when <paramref name="force"/>); absent ones are ignored.</summary>
    Task RemoveContainerAsync(string id, bool force, CancellationToken cancellationToken);

    /// <summary>The container, or null when it does not exist.</summary>
    Task<ContainerInspectResponse?> InspectContainerAsync(string id, CancellationToken cancellationToken);

    /// <summary>All containers (running or not) carrying every label of <paramref name="labels"/>.</summary>
    Task<IReadOnlyList<ContainerSummary>> ListContainersAsync(IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken);

    /// <summary>Blocks until the container is not running (<c>condition</c>: <c>not-running</c> or <c>next-exit</c>).</summary>
    Task WaitContainerAsync(string id, string condition, CancellationToken cancellationToken);

    /// <summary>The raw log stream (multiplexed unless the container has a TTY).</summary>
    Task<Stream> GetLogsAsync(string id, string query, CancellationToken cancellationToken);

    Task<string> CreateExecAsync(string id, ExecCreateRequest request, CancellationToken cancellationToken);

    Task<HijackedStream> StartExecAsync(string execId, bool tty, CancellationToken cancellationToken);

    Task<ExecInspectResponse> InspectExecAsync(string execId, CancellationToken cancellationToken);

    Task ResizeExecAsync(string execId, int width, int height, CancellationToken cancellationToken);

    Task<HijackedStream> AttachContainerAsync(string id, bool stdin, bool stdout, bool stderr, CancellationToken cancellationToken);

    Task ResizeContainerAsync(string id, int width, int height, CancellationToken cancellationToken);

    Task<ContainerStatsResponse> GetStatsAsync(string id, CancellationToken cancellationToken);

    /// <summary>Extracts a tar archive into the container's file system at <paramref name="path"/>.</summary>
    Task PutArchiveAsync(string id, string path, Stream tar, CancellationToken cancellationToken);
}
