using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SuperKube.Api;
using SuperKube.Client;
using SuperKube.Objects;
using SuperKube.Scheduling.Framework;

namespace SuperKube.Scheduling;

/// <summary>
/// Writes what the scheduler reports on a pending pod through the pods <c>status</c> subresource: the
/// PodScheduled=False condition (reason Unschedulable or SchedulerError) and status.nominatedNodeName.
/// </summary>
internal sealed class PodStatusWriter
{
    private readonly IKubernetesClient _client;
    private readonly TimeProvider _time;
    private readonly KeyedBatchWriter _writer;

    public PodStatusWriter(IKubernetesClient client, TimeProvider time, ILogger<PodStatusWriter> logger)
    {
        _client = client;
        _time = time;
        _writer = new KeyedBatchWriter(logger, "a pod status");
    }

    public Task RunAsync(CancellationToken cancellationToken) => _writer.RunAsync(cancellationToken);

    /// <summary>Sets PodScheduled=False with the reason and message (and the nomination); skipped when nothing changes.</summary>
    public void SetNotScheduled(PodInfo pod, string reason, string message, string? nominatedNodeName)
    {
        var current = pod.Pod.Status?.Conditions?.FirstOrDefault(c => c.Type == "PodScheduled");
        var nominationChanges = nominatedNodeName is not null && nominatedNodeName != (pod.Pod.Status?.NominatedNodeName ?? "");
        if (current is { Status: "False" } && current.Reason == reason && current.Message == message && !nominationChanges)
        {
            return;
        }

        var transition = current is { Status: "False", LastTransitionTime: { } since } ? since : _time.GetUtcNow();
        var status = new JsonObject
        {
            ["conditions"] = new JsonArray(new JsonObject
            {
                ["type"] = "PodScheduled",
                ["status"] = "False",
                ["reason"] = reason,
                ["message"] = message,
                ["lastProbeTime"] = null,
                ["lastTransitionTime"] = ObjectMetadata.Timestamp(transition),
            }),
        };
        if (nominationChanges)
        {
            status["nominatedNodeName"] = nominatedNodeName!.Length == 0 ? null : nominatedNodeName; // checked non-null above
        }

        Patch(pod, new JsonObject { ["status"] = status });
    }

    /// <summary>Removes status.nominatedNodeName (the pod lost its nomination to a more important pod).</summary>
    public void ClearNomination(PodInfo pod) => Patch(pod, new JsonObject { ["status"] = new JsonObject { ["nominatedNodeName"] = null } });

    private void Patch(PodInfo pod, JsonObject patch) => _writer.Enqueue(pod.Uid, async ct =>
    {
        try
        {
            await _client.PatchAsync(ApiResource.Pods, pod.Namespace, pod.Name, PatchType.StrategicMerge, patch, "status", ct).ConfigureAwait(false);
        }
        catch (ApiException ex) when (ex.Code == 404)
        {
            // The pod is gone; nothing to report on.
        }
    });
}
