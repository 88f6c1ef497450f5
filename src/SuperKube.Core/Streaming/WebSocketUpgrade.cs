using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using SuperKube.Api;
using SuperKube.Splicing;

namespace SuperKube.Streaming;

/// <summary>
/// Accepts a WebSocket upgrade with one of the sub-protocols the server speaks. Upgrades the HTTP/1.1 connection
/// itself (so hosts need no <c>app.UseWebSockets()</c>, and names with '/' that .NET's validation rejects work);
/// falls back to ASP.NET Core's WebSocket middleware, when the host added it, for requests that cannot be upgraded
/// that way (HTTP/2 extended CONNECT).
/// </summary>
internal static class WebSocketUpgrade
{
    private const string Guid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(30);

    public static bool IsWebSocketRequest(HttpContext context) =>
        context.WebSockets.IsWebSocketRequest
        || (HttpMethods.IsGet(context.Request.Method)
            && context.Request.Headers.Upgrade.Any(u => string.Equals(u, "websocket", StringComparison.OrdinalIgnoreCase))
            && context.Features.Get<IHttpUpgradeFeature>()?.IsUpgradableRequest == true);

    /// <summary>The first offered sub-protocol the server supports, "" when none was offered, null when none fits.</summary>
    public static string? Negotiate(HttpContext context, IReadOnlyList<string> supported)
    {
        var offered = context.Request.Headers.SecWebSocketProtocol
            .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        return offered.Count == 0 ? "" : offered.FirstOrDefault(supported.Contains);
    }

    public static async Task<WebSocket> AcceptAsync(HttpContext context, string protocol)
    {
        if (await AcceptStreamAsync(context, protocol).ConfigureAwait(false) is { } stream)
        {
            // The sub-protocol is only informational here, and .NET rejects names with '/' (SPDY/3.1+portforward.k8s.io).
            return WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = KeepAlive });
        }

        return await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { SubProtocol = protocol.Length == 0 ? null : protocol, KeepAliveInterval = KeepAlive })
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Upgrades an HTTP/1.1 connection and returns the raw connection, for framing WebSocket messages in the caller
    /// (<see cref="UpgradedWebSocketStream"/>); null when the request can only be accepted by the WebSocket middleware.
    /// </summary>
    public static async Task<Stream?> AcceptStreamAsync(HttpContext context, string protocol)
    {
        var upgrade = context.Features.Get<IHttpUpgradeFeature>();
        if (upgrade?.IsUpgradableRequest != true && context.WebSockets.IsWebSocketRequest)
        {
            return null;
        }

        if (upgrade is null)
        {
            throw ApiException.BadRequest("Upgrade request required");
        }

        var key = context.Request.Headers.SecWebSocketKey.ToString();
        if (key.Length == 0)
        {
            throw ApiException.BadRequest("missing Sec-WebSocket-Key");
        }

        var headers = context.Response.Headers;
        headers.Connection = "Upgrade";
        headers.Upgrade = "websocket";
        headers.SecWebSocketAccept = AcceptKey(key);
        if (protocol.Length > 0)
        {
            headers.SecWebSocketProtocol = protocol;
        }

        return await upgrade.UpgradeAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// The socket of an upgraded HTTP/1.1 connection whose bytes are exactly the upgraded stream's (no TLS, no other
    /// layer in between), on Linux; null otherwise, and then the stream must be written through Kestrel.
    /// </summary>
    public static Socket? PlainSocket(HttpContext context) =>
        Libc.IsSupported
        && HttpProtocol.IsHttp11(context.Request.Protocol)
        && !context.Request.IsHttps
        && context.Features.Get<ITlsConnectionFeature>() is null
        && context.Features.Get<ITlsHandshakeFeature>() is null
        && context.Features.Get<IConnectionSocketFeature>()?.Socket is { SocketType: SocketType.Stream, Connected: true } socket
            ? socket
            : null;

    /// <summary>RFC 6455's Sec-WebSocket-Accept: base64 of SHA-1 over the key and the protocol GUID.</summary>
    public static string AcceptKey(string key) =>
#pragma warning disable CA5350 // SHA-1 is what RFC 6455 prescribes here; it is not used for security.
        Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key.Trim() + Guid)));
#pragma warning restore CA5350
}
