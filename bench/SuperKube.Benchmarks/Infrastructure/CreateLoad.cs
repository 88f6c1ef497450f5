using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace SuperKube.Benchmarks.Infrastructure;

/// <summary>
/// End-to-end create throughput: <c>connections</c> workers POST distinct ConfigMaps over loopback until
/// <c>count</c> have been sent. Each request waits for the server's answer (201 once committed and visible in the
/// watch cache), so the rate is what a client sees.
/// </summary>
internal static class CreateLoad
{
    public static async Task<CreateResult> RunAsync(Uri server, string ns, string prefix, int count, int connections, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseProxy = false, UseCookies = false };
        using var client = new HttpClient(handler) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };
        var url = new Uri(server, $"api/v1/namespaces/{ns}/configmaps");
        var next = -1;
        var failures = 0;
        string? firstFailure = null;

        async Task WorkAsync()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                using var content = new ByteArrayContent(Body(prefix, i));
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await client.PostAsync(url, content, cancellationToken);
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    Interlocked.Increment(ref failures);
                    Interlocked.CompareExchange(ref firstFailure, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}", null);
                }
            }
        }

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(WorkAsync, cancellationToken)));
        clock.Stop();
        return new CreateResult(count, failures, clock.Elapsed, firstFailure);
    }

    private static byte[] Body(string prefix, int i) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"{{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{{\"name\":\"{prefix}-{i}\",\"labels\":{{\"app\":\"bench\"}}}},\"data\":{{\"index\":\"{i}\",\"payload\":\"benchmark-value\"}}}}"));
}
