using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SuperKube.Api;
using SuperKube.Client;
using SuperKube.Resources;

namespace SuperKube.IntegrationTests.Controllers;

/// <summary>
/// Stands in for a node agent in one namespace: every pod that appears is marked Running with Ready=True through the
/// status subresource, as a kubelet would once its containers pass their readiness checks.
/// </summary>
internal sealed class KubeletSimulator : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public KubeletSimulator(IServiceProvider services, string ns)
    {
        var client = services.GetRequiredService<IKubernetesClient>().WithFieldManager("kubelet-simulator");
        _loop = Task.Run(() => RunAsync(client, ns, _stop.Token));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private static async Task RunAsync(IKubernetesClient client, string ns, CancellationToken cancellationToken)
    {
        await foreach (var change in client.WatchAsync(ApiResource.Pods, ns, new ListOptions(), cancellationToken))
        {
            var pod = change.Object;
            if (change.Type == "DELETED" || pod["metadata"]?["deletionTimestamp"] is not null || IsReady(pod))
            {
                continue;
            }

            var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
            var patch = new JsonObject
            {
                ["status"] = new JsonObject
                {
                    ["phase"] = "Running",
                    ["startTime"] = now,
                    ["conditions"] = new JsonArray(Condition("Ready", now), Condition("ContainersReady", now)),
                },
            };
            try
            {
                await client.PatchAsync(ApiResource.Pods, ns, (string)pod["metadata"]!["name"]!, PatchType.Merge, patch, "status", cancellationToken);
            }
            catch (ApiException)
            {
                // Deleted or changed meanwhile: the next event for it decides again.
            }
        }
    }

    private static JsonObject Condition(string type, string now) => new() { ["type"] = type, ["status"] = "True", ["lastTransitionTime"] = now };

    private static bool IsReady(JsonObject pod) =>
        pod["status"]?["conditions"] is JsonArray conditions
        && conditions.Any(c => (string?)c?["type"] == "Ready" && (string?)c?["status"] == "True");
}
