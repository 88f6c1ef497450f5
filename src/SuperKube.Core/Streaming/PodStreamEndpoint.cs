using System.Text.Json;
using Microsoft.AspNetCore.Http;
using SuperKube.Api;
using SuperKube.Registry;
using SuperKube.Resources;

namespace SuperKube.Streaming;

/// <summary>
/// Serves the streaming subresources of pods: <c>log</c> (chunked text), <c>exec</c> and <c>attach</c> (WebSocket
/// channel protocol) and <c>portforward</c> (SPDY/3.1 tunnelled over WebSocket), through the
/// <see cref="IPodStreamProvider"/> of the pod's node. The SPDY upgrade that kubectl falls back to is not offered
/// (it is refused with 400, or with the dial error when the pod's node cannot be reached).
/// </summary>
internal sealed class PodStreamEndpoint(ResourceReader reader, TimeProvider time)
{
    public static readonly IReadOnlySet<string> Subresources = new HashSet<string>(StringComparer.Ordinal) { "log", "exec", "attach", "portforward" };

    public static bool Handles(ResourceType type, string subresource) =>
        type.Group.Length == 0 && type.Plural == "pods" && Subresources.Contains(subresource);

    public async Task HandleAsync(HttpContext context, ResourceType type, string ns, string name, string subresource)
    {
        var method = context.Request.Method;
        if (!HttpMethods.IsGet(method) && !(HttpMethods.IsPost(method) && subresource != "log"))
        {
            throw new ApiException(405, "MethodNotAllowed", "the server does not allow this method on the requested resource");
        }

        var pod = reader.Get(type, ns, name).Parse();
        var query = context.Request.Query;
        switch (subresource)
        {
            case "log":
                var target = PodStreamTarget.Resolve(pod, StreamQuery.Text(query, "container"));
                await PodLogStreamer.ServeAsync(context, target, StreamQuery.Log(query, time.GetUtcNow())).ConfigureAwait(false);
                break;
            case "portforward":
                var forward = new PodStreamTarget(pod, Client.KubernetesClientExtensions.FromJson<Model.Core.Pod>(pod), "");
                await PortForwardHandler.ServeAsync(context, forward).ConfigureAwait(false);
                break;
            default:
                await ServeProcessAsync(context, pod, subresource == "exec").ConfigureAwait(false);
                break;
        }
    }

    private static async Task ServeProcessAsync(HttpContext context, System.Text.Json.Nodes.JsonObject pod, bool exec)
    {
        var query = context.Request.Query;
        var target = PodStreamTarget.Resolve(pod, StreamQuery.Text(query, "container"));
        var options = StreamQuery.Process(query, exec);
        target.EnsureNotCompleted(exec ? "exec into" : "attach to");
        target.EnsureStarted(mustRun: true);
        var provider = PodStreamProviders.For(context, target);
        if (!WebSocketUpgrade.IsWebSocketRequest(context))
        {
            // kubectl's SPDY fallback after a refused WebSocket upgrade: an unreachable node says so again, not "SPDY is not supported".
            await PodStreamProviders.EnsureReachableAsync(provider, target, context.RequestAborted).ConfigureAwait(false);
        }

        await ServeProcessAsync(context, options, token => exec
            ? provider.ExecAsync(target.Json, target.Container, options, token)
            : provider.AttachAsync(target.Json, target.Container, options, token)).ConfigureAwait(false);
    }

    /// <summary>
    /// Upgrades an exec or attach request to a channel WebSocket, opens the process (its failures are answered as a
    /// Status before the upgrade) and pumps it. Also serves the node side of remote streams.
    /// </summary>
    public static async Task ServeProcessAsync(HttpContext context, PodProcessOptions options, Func<CancellationToken, Task<IPodProcess>> open)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(open);
        if (!WebSocketUpgrade.IsWebSocketRequest(context))
        {
            throw ApiException.BadRequest("only WebSocket upgrades (v5.channel.k8s.io) are supported for exec and attach; SPDY is not");
        }

        var protocol = WebSocketUpgrade.Negotiate(context, ChannelFraming.Protocols)
            ?? throw ApiException.BadRequest($"none of the offered WebSocket sub-protocols is supported; use {ChannelFraming.V5}");
        var aborted = context.RequestAborted;
        var process = await open(aborted).ConfigureAwait(false);
        await using (process.ConfigureAwait(false))
        {
            using var socket = new ChannelSocket(await WebSocketUpgrade.AcceptAsync(context, protocol).ConfigureAwait(false), protocol);
            await new RemoteCommandSession(socket, process, options).RunAsync(aborted).ConfigureAwait(false);
        }
    }

    /// <summary>The text of a Status for errors written inside a stream (after the upgrade).</summary>
    public static byte[] StatusBytes(ApiException error) => JsonSerializer.SerializeToUtf8Bytes(error.ToStatus());
}
