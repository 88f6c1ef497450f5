using System.Globalization;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;
using SuperKube.Api;
using SuperKube.Streaming;
using SuperKube.Streaming.Remote;

namespace SuperKube.Runtime.Streaming.NodeServer;

/// <summary>
/// Serves the node side of remote streams (<see cref="NodeStreamPaths"/>) from this process's
/// <see cref="IPodStreamProvider"/>, with the same query parsing, log copying and exec/attach sessions as the API.
/// Port-forward is one WebSocket per connection carrying the raw bytes. <c>/healthz</c> answers ok.
/// </summary>
internal sealed class NodeStreamRequests(IPodStreamProvider provider, string nodeName, TimeProvider time)
{
    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            await DispatchAsync(context).ConfigureAwait(false);
        }
        catch (ApiException ex) when (!context.Response.HasStarted)
        {
            await Responses.WriteStatusAsync(context, ex).ConfigureAwait(false);
        }
    }

    private async Task DispatchAsync(HttpContext context)
    {
        if (context.Request.Path.Value?.Trim('/') == NodeStreamPaths.Health)
        {
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("ok", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        if (!NodeStreamPaths.TryParse(context.Request.Path.Value ?? "", out var kind, out var address, out var container))
        {
            throw new ApiException(404, "NotFound", $"no streaming endpoint at {context.Request.Path}");
        }

        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsPost(context.Request.Method))
        {
            throw new ApiException(405, "MethodNotAllowed", "the node allows only GET and POST on streaming endpoints");
        }

        var pod = address.ToPod(nodeName);
        var query = context.Request.Query;
        switch (kind)
        {
            case NodeStreamPaths.Logs:
                var log = await provider.OpenLogAsync(pod, container, StreamQuery.Log(query, time.GetUtcNow()), context.RequestAborted).ConfigureAwait(false);
                await PodLogStreamer.CopyAsync(context, log).ConfigureAwait(false);
                break;
            case NodeStreamPaths.PortForward:
                await ForwardAsync(context, pod).ConfigureAwait(false);
                break;
            default:
                var exec = kind == NodeStreamPaths.Exec;
                var options = StreamQuery.Process(query, exec);
                await PodStreamEndpoint.ServeProcessAsync(context, options, token => exec
                    ? provider.ExecAsync(pod, container, options, token)
                    : provider.AttachAsync(pod, container, options, token)).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>Dials the port first (a failure is answered as a Status), then copies bytes both ways until either side ends.</summary>
    private async Task ForwardAsync(HttpContext context, System.Text.Json.Nodes.JsonObject pod)
    {
        var portText = StreamQuery.Text(context.Request.Query, "port") ?? "";
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is <= 0 or > 65535)
        {
            throw ApiException.BadRequest($"invalid port {portText}");
        }

        if (!WebSocketUpgrade.IsWebSocketRequest(context))
        {
            throw ApiException.BadRequest("port-forward needs a WebSocket upgrade");
        }

        var aborted = context.RequestAborted;
        var target = await provider.PortForwardAsync(pod, port, aborted).ConfigureAwait(false);
        await using (target.ConfigureAwait(false))
        {
            var webSocket = await WebSocketUpgrade.AcceptAsync(context, "").ConfigureAwait(false);
            var socket = new WebSocketByteStream(webSocket);
            await using (socket.ConfigureAwait(false))
            {
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(aborted);
                var upstream = CopyAsync(socket, target, stop.Token);
                var downstream = CopyAsync(target, socket, stop.Token);
                if (await Task.WhenAny(upstream, downstream).ConfigureAwait(false) == downstream)
                {
                    // The pod closed the connection: say so with a close frame, so the API server ends the stream with a FIN.
                    await CloseAsync(webSocket).ConfigureAwait(false);
                }

                await stop.CancelAsync().ConfigureAwait(false);
                await Task.WhenAll(upstream, downstream).ConfigureAwait(false);
            }
        }
    }

    private static async Task CloseAsync(WebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            // The API server went away first.
        }
    }

    private static async Task CopyAsync(Stream from, Stream to, CancellationToken token)
    {
        try
        {
            await from.CopyToAsync(to, 64 * 1024, token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException or WebSocketException)
        {
            // One side hung up.
        }
    }
}
