using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;

namespace SuperKube.Admission.Webhooks;

/// <summary>
/// Posts AdmissionReviews to webhooks over HTTPS. The serving certificate must chain to the webhook's caBundle (or
/// to the system roots when it has none) and name the host called; each call is bounded by the webhook's
/// timeoutSeconds. One connection pool per caBundle.
/// </summary>
internal sealed class WebhookClient(WebhookEndpoints endpoints, TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<string, HttpMessageInvoker> _clients = new(StringComparer.Ordinal);

    /// <summary>Sends <paramref name="review"/> and returns the response body; throws <see cref="WebhookCallException"/> with upstream's text on failure.</summary>
    public async Task<byte[]> PostAsync(AdmissionWebhook webhook, JsonObject review, CancellationToken cancellationToken)
    {
        var address = webhook.Address;
        var client = _clients.GetOrAdd(webhook.CaBundle, Create);
        using var timeout = new CancellationTokenSource(webhook.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, address) { Content = new StringContent(review.ToJsonString()) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        try
        {
            using var response = await client.SendAsync(request, linked.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw Failed(address, $"the server responded with the status code {(int)response.StatusCode} but did not return more information");
            }

            return body;
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw Failed(address, "context deadline exceeded", ex);
        }
        catch (HttpRequestException ex)
        {
            throw Failed(address, Reason(address, ex), ex);
        }
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }

    private static WebhookCallException Failed(Uri address, string reason, Exception? inner = null) =>
        new($"failed to call webhook: Post \"{address}\": {reason}", inner);

    /// <summary>The failure in the words Go's HTTP client uses, so messages read as on a real cluster.</summary>
    private static string Reason(Uri address, HttpRequestException ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case WebhookCallException unresolved:
                    return unresolved.Message;
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused }:
                    return $"dial tcp {WebhookEndpoints.Format(address.Host, address.Port)}: connect: connection refused";
                case AuthenticationException:
                    return "tls: failed to verify certificate: x509: certificate signed by unknown authority";
            }
        }

        return ex.Message;
    }

    private HttpMessageInvoker Create(string caBundle)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            AllowAutoRedirect = false,
            UseProxy = false,
            ConnectCallback = ConnectAsync,
        };
        if (caBundle.Length > 0)
        {
            var roots = new X509Certificate2Collection();
            try
            {
                roots.ImportFromPem(caBundle);
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                // An unreadable bundle trusts nothing: every call fails certificate verification.
            }

            handler.SslOptions.CertificateChainPolicy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                RevocationMode = X509RevocationMode.NoCheck,
            };
            handler.SslOptions.CertificateChainPolicy.CustomTrustStore.AddRange(roots);
        }

        return new HttpMessageInvoker(handler);
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var (host, port) = endpoints.Resolve(context.DnsEndPoint.Host, context.DnsEndPoint.Port);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
