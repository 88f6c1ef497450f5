using System.Text.Json.Nodes;

namespace SuperKube.Streaming;

/// <summary>
/// Opens the streams of pods running on nodes this process hosts (the kubelet's streaming server, for the API's
/// <c>pods/log</c>, <c>pods/exec</c>, <c>pods/attach</c> and <c>pods/portforward</c>). The node side registers it
/// (SuperKube.Runtime does for its embedded and simulated nodes). The API has already checked that the pod and the
/// container exist; failures are thrown as <see cref="Api.ApiException"/>.
/// </summary>
public interface IPodStreamProvider
{
    /// <summary>Whether pods bound to <paramref name="nodeName"/> run in this process (others are remote).</summary>
    bool ServesNode(string nodeName);

    /// <summary>The container's log as text; with <see cref="PodLogOptions.Follow"/> it ends when the container exits.</summary>
    Task<Stream> OpenLogAsync(JsonObject pod, string container, PodLogOptions options, CancellationToken cancellationToken);

    /// <summary>Runs <see cref="PodProcessOptions.Command"/> in the container.</summary>
    Task<IPodProcess> ExecAsync(JsonObject pod, string container, PodProcessOptions options, CancellationToken cancellationToken);

    /// <summary>Attaches to the container's main process (<see cref="PodProcessOptions.Command"/> is ignored).</summary>
    Task<IPodProcess> AttachAsync(JsonObject pod, string container, PodProcessOptions options, CancellationToken cancellationToken);

    /// <summary>A connection to <paramref name="port"/> in the pod's network.</summary>
    Task<Stream> PortForwardAsync(JsonObject pod, int port, CancellationToken cancellationToken);
}
