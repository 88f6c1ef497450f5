using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using SuperKube.Api;
using SuperKube.Security.Pki;

namespace SuperKube.Streaming.Remote;

/// <summary>
/// The API server's HTTPS client to node streaming servers: presents its client certificate, accepts only the serving
/// certificate the Node pinned, turns a node's Status answers into <see cref="ApiException"/>s and upgrades to WebSocket.
/// </summary>
internal sealed class NodeStreamClient : IDisposable
{
    private static readonly TimeSpan CertificateLifetime = TimeSpan.FromDays(365);
    private static readonly HttpRequestOptionsKey<string> Pin = new("superkube-node-certificate");
    private readonly X509Certificate2 _certificate;
    private readonly HttpMessageInvoker _http;
    private readonly TimeSpan _healthCheckTimeout;

    public NodeStreamClient(X509Certificate2 certificate, TimeSpan healthCheckTimeout)
    {
        _certificate = certificate;
        _healthCheckTimeout = healthCheckTimeout;
        var handler = new HttpClientHandler
        {
            ClientCertificateOptions = ClientCertificateOption.Manual,
            ServerCertificateCustomValidationCallback = (request, serving, _, _) =>
                serving is not null && request.Options.TryGetValue(Pin, out var pin) && NodeStreaming.Fingerprint(serving) == pin,
        };
        handler.ClientCertificates.Add(certificate);
        _http = new HttpMessageInvoker(handler);
    }

    /// <summary>A client whose certificate the cluster CA signs now (kept in memory only).</summary>
    public static NodeStreamClient Create(ClusterPki pki, DateTimeOffset now, NodeDialOptions options) =>
        new(CertificateFactory.CreateClient(pki.ClusterAuthority, NodeStreaming.ClientCommonName, [], now, CertificateLifetime), options.HealthCheckTimeout);

    /// <summary>GETs <paramref name="url"/> and returns the response body as it streams in.</summary>
    public async Task<Stream> GetStreamAsync(NodeEndpoint node, string url, CancellationToken cancellationToken)
    {
        using var request = Request(node, url);
        var response = await SendAsync(node, request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, HttpStatusCode.OK, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Throws the dial failure (or the node's Status) unless the node's streaming server answers its health check
    /// within the health-check timeout (<see cref="NodeDialOptions.HealthCheckTimeout"/>).
    /// </summary>
    public async Task EnsureReachableAsync(NodeEndpoint node, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_healthCheckTimeout);
        try
        {
            using var request = Request(node, NodeStreamPaths.Health);
            using var response = await SendAsync(node, request, timeout.Token).ConfigureAwait(false);
            await EnsureSuccessAsync(response, HttpStatusCode.OK, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw DialFailure(string.Create(
                CultureInfo.InvariantCulture,
                $"dial tcp {node.BaseUri.Authority}: i/o timeout (node {node.Name} did not answer its health check within {_healthCheckTimeout.TotalSeconds:0.###}s)"));
        }
    }

    /// <summary>Opens a WebSocket to <paramref name="url"/> (with <paramref name="protocol"/> when not empty).</summary>
    public async Task<WebSocket> ConnectAsync(NodeEndpoint node, string url, string protocol, CancellationToken cancellationToken)
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        using var request = Request(node, url);
        request.Headers.Connection.Add("Upgrade");
        request.Headers.Upgrade.Add(new("websocket"));
        request.Headers.Add("Sec-WebSocket-Version", "13");
        request.Headers.Add("Sec-WebSocket-Key", key);
        if (protocol.Length > 0)
        {
            request.Headers.Add("Sec-WebSocket-Protocol", protocol);
        }

        var response = await SendAsync(node, request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, HttpStatusCode.SwitchingProtocols, cancellationToken).ConfigureAwait(false);
        if (!response.Headers.TryGetValues("Sec-WebSocket-Accept", out var accept) || accept.FirstOrDefault() != WebSocketUpgrade.AcceptKey(key))
        {
            response.Dispose();
            throw DialFailure($"node {node.Name} at {node.BaseUri.Authority}: the node answered the WebSocket upgrade with a wrong Sec-WebSocket-Accept");
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = false, KeepAliveInterval = TimeSpan.FromSeconds(30) });
    }

    public void Dispose()
    {
        _http.Dispose();
        _certificate.Dispose();
    }

    private static HttpRequestMessage Request(NodeEndpoint node, string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(node.BaseUri, url)) { Version = HttpVersion.Version11, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        request.Options.Set(Pin, node.CertificateSha256);
        return request;
    }

    private async Task<HttpResponseMessage> SendAsync(NodeEndpoint node, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (ex.InnerException is SocketException socket)
        {
            throw DialFailure($"dial tcp {node.BaseUri.Authority}: connect: {socket.Message}");
        }
        catch (HttpRequestException ex)
        {
            throw DialFailure($"node {node.Name} at {node.BaseUri.Authority}: {ex.InnerException?.Message ?? ex.Message}");
        }
    }

    /// <summary>Throws the node's Status (or a generic error for a body that is not one) unless the response has <paramref name="expected"/>.</summary>
    private static async Task EnsureSuccessAsync(HttpResponseMessage response, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        if (response.StatusCode == expected)
        {
            return;
        }

        using (response)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var status = TryParse(body);
            var code = (int)response.StatusCode;
            throw new ApiException(
                code,
                (string?)status?["reason"] ?? "InternalError",
                (string?)status?["message"] ?? $"the node answered {code} {response.ReasonPhrase}",
                status?["details"]?.DeepClone() as JsonObject);
        }
    }

    private static JsonObject? TryParse(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// What kube-apiserver answers when it cannot dial the kubelet: 500 with no reason and "error dialing backend: ...",
    /// which kubectl prints as <c>Error from server: error dialing backend: dial tcp HOST:PORT: connect: ...</c>.
    /// </summary>
    private static ApiException DialFailure(string why) => new(500, "", $"error dialing backend: {why}");
}
