using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace SuperKube.Benchmarks.Modes.Postgres;

/// <summary>
/// How long a write through one server takes to reach a watch on another: ConfigMaps are created one at a time
/// through <c>writer</c> while a watch on <c>watched</c> reports them; each delay runs from sending the POST to the
/// ADDED event arriving (so it includes the write itself: an upper bound of the propagation).
/// </summary>
internal static class CrossServerWatchDelay
{
    private const string Namespace = "default";

    /// <summary>The delays in milliseconds, sorted.</summary>
    public static async Task<double[]> MeasureAsync(Uri writer, Uri watched, int samples, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var list = JsonDocument.Parse(await client.GetStringAsync(new Uri(watched, $"api/v1/namespaces/{Namespace}/configmaps?limit=1"), cancellationToken));
        var start = list.RootElement.GetProperty("metadata").GetProperty("resourceVersion").GetString();
        var seen = new ConcurrentDictionary<string, TaskCompletionSource<long>>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watch = WatchAsync(client, new Uri(watched, $"api/v1/namespaces/{Namespace}/configmaps?watch=true&resourceVersion={start}"), seen, stop.Token);

        var delays = new double[samples];
        for (var i = 0; i < samples; i++)
        {
            var name = $"delay-{i}";
            var arrived = seen.GetOrAdd(name, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
            var sent = Stopwatch.GetTimestamp();
            using var body = new StringContent($$$"""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"{{{name}}}"},"data":{"k":"v"}}""", Encoding.UTF8, "application/json");
            using var created = await client.PostAsync(new Uri(writer, $"api/v1/namespaces/{Namespace}/configmaps"), body, cancellationToken);
            created.EnsureSuccessStatusCode();
            var at = await arrived.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
            delays[i] = Stopwatch.GetElapsedTime(sent, at).TotalMilliseconds;
        }

        await stop.CancelAsync();
        await watch;
        Array.Sort(delays);
        return delays;
    }

    private static async Task WatchAsync(HttpClient client, Uri url, ConcurrentDictionary<string, TaskCompletionSource<long>> seen, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            using var reader = new StreamReader(await response.EnsureSuccessStatusCode().Content.ReadAsStreamAsync(cancellationToken));
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                var at = Stopwatch.GetTimestamp();
                using var json = JsonDocument.Parse(line);
                if (json.RootElement.GetProperty("type").GetString() == "ADDED"
                    && json.RootElement.GetProperty("object").GetProperty("metadata").GetProperty("name").GetString() is { } name)
                {
                    seen.GetOrAdd(name, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(at);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Measurement over.
        }
    }
}
