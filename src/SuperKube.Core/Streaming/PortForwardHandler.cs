using Microsoft.AspNetCore.Http;
using SuperKube.Api;

namespace SuperKube.Streaming;

/// <summary>Serves <c>pods/P/portforward</c>: SPDY/3.1 tunnelled over a WebSocket (<c>SPDY/3.1+portforward.k8s.io</c>).</summary>
internal static class PortForwardHandler
{
    public const string Protocol = "SPDY/3.1+portforward.k8s.io";

    public static async Task ServeAsync(HttpContext context, PodStreamTarget target)
    {
        if (target.Phase != "Running")
        {
            throw ApiException.BadRequest($"unable to forward port because pod is not running. Current status={target.Phase}");
        }

        var provider = PodStreamProviders.For(context, target);
        await PodStreamProviders.EnsureReachableAsync(provider, target, context.RequestAborted).ConfigureAwait(false);
        if (!WebSocketUpgrade.IsWebSocketRequest(context))
        {
            throw ApiException.BadRequest($"only WebSocket upgrades ({Protocol}) are supported for port-forward; plain SPDY is not");
        }

        if (WebSocketUpgrade.Negotiate(context, [Protocol]) is not Protocol)
        {
            throw ApiException.BadRequest($"port-forward requires the WebSocket sub-protocol {Protocol}");
        }

        // HTTP/1.1 upgrades (kubectl's) are framed by UpgradedWebSocketStream, which sends DATA frames without copying
        // them, and on a plain connection writes to its socket, so the pod's bytes can be spliced into it.
        Stream transport = await WebSocketUpgrade.AcceptStreamAsync(context, Protocol).ConfigureAwait(false) is { } connection
            ? new UpgradedWebSocketStream(connection, WebSocketUpgrade.PlainSocket(context))
            : new WebSocketByteStream(await WebSocketUpgrade.AcceptAsync(context, Protocol).ConfigureAwait(false));
        await using (transport.ConfigureAwait(false))
        {
            using var spdy = new SpdyConnection(transport);
            await new PortForwardSession(spdy, provider, target).RunAsync(context.RequestAborted).ConfigureAwait(false);
        }
    }
}
