using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using SuperKube.Api;
using SuperKube.Registry;
using SuperKube.Resources;
using SuperKube.Security.Pki;

namespace SuperKube.Streaming.Remote;

/// <summary>
/// Streams of pods on remote nodes (<c>superkube node</c>): dials the node's streaming server advertised in its Node
/// (<see cref="NodeEndpoint"/>) with the API server's client certificate, the way kube-apiserver dials the kubelet.
/// Needs the cluster PKI (a secured server); without it every call is 503.
/// </summary>
internal sealed class RemoteNodeStreams(
    ResourceReader reader, IResourceRegistry registry, IServiceProvider services, TimeProvider time, IOptions<NodeDialOptions> options)
    : IPodStreamProvider, IDisposable
{
    private readonly Lazy<NodeStreamClient?> _client = new(() =>
        services.GetService<ClusterPki>() is { } pki ? NodeStreamClient.Create(pki, time.GetUtcNow(), options.Value) : null);

    /// <summary>Any node: this provider is the fallback for nodes no in-process provider serves.</summary>
    public bool ServesNode(string nodeName) => true;

    public async Task<Stream> OpenLogAsync(JsonObject pod, string container, PodLogOptions options, CancellationToken cancellationToken)
    {
        var (client, node) = Dial(pod);
        return await client.GetStreamAsync(node, NodeStreamPaths.ForLogs(PodAddress.Of(pod), container, options), cancellationToken).ConfigureAwait(false);
    }

    public Task<IPodProcess> ExecAsync(JsonObject pod, string container, PodProcessOptions options, CancellationToken cancellationToken) =>
        OpenProcessAsync(exec: true, pod, container, options, cancellationToken);

    public Task<IPodProcess> AttachAsync(JsonObject pod, string container, PodProcessOptions options, CancellationToken cancellationToken) =>
        OpenProcessAsync(exec: false, pod, container, options, cancellationToken);

    public async Task<Stream> PortForwardAsync(JsonObject pod, int port, CancellationToken cancellationToken)
    {
        var (client, node) = Dial(pod);
        var socket = await client.ConnectAsync(node, NodeStreamPaths.ForPortForward(PodAddress.Of(pod), port), "", cancellationToken).ConfigureAwait(false);
        return new WebSocketByteStream(socket);
    }

    /// <summary>Throws what dialling the pod's node fails with (the node stopped, say), without opening a stream.</summary>
    public async Task EnsureReachableAsync(JsonObject pod, CancellationToken cancellationToken)
    {
        var (client, node) = Dial(pod);
        await client.EnsureReachableAsync(node, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        if (_client.IsValueCreated)
        {
            _client.Value?.Dispose();
        }
    }

    private async Task<IPodProcess> OpenProcessAsync(bool exec, JsonObject pod, string container, PodProcessOptions options, CancellationToken cancellationToken)
    {
        var (client, node) = Dial(pod);
        var url = NodeStreamPaths.ForProcess(exec, PodAddress.Of(pod), container, options);
        var socket = await client.ConnectAsync(node, url, ChannelFraming.V5, cancellationToken).ConfigureAwait(false);
        return new RemotePodProcess(socket, options, node.Name);
    }

    private (NodeStreamClient Client, NodeEndpoint Node) Dial(JsonObject pod)
    {
        var nodeName = (string?)pod["spec"]?["nodeName"] ?? "";
        var client = _client.Value
            ?? throw new ApiException(503, "ServiceUnavailable", $"node {nodeName} is remote, and this API server has no cluster CA to authenticate to nodes with (start it secured)");
        var nodes = registry.Find("", "v1", "nodes") ?? throw new InvalidOperationException("the nodes resource is not registered");
        var node = reader.Find(nodes, "", nodeName)?.Parse()
            ?? throw new ApiException(503, "ServiceUnavailable", $"node {nodeName} of pod {(string?)pod["metadata"]?["name"]} does not exist");
        return (client, NodeEndpoint.From(node));
    }
}
