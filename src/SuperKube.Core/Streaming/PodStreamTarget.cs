using System.Text.Json.Nodes;
using SuperKube.Api;
using SuperKube.Client;
using SuperKube.Model.Core;

namespace SuperKube.Streaming;

/// <summary>
/// The pod and container a streaming request addresses, checked the way the API server does before it dials the
/// kubelet: the container exists (or is the only or default one), and is running or has run.
/// </summary>
internal sealed record PodStreamTarget(JsonObject Json, Pod Pod, string Container)
{
    public const string DefaultContainerAnnotation = "kubectl.kubernetes.io/default-container";

    public string Name => Pod.Metadata?.Name ?? "";

    public string NodeName => Pod.Spec?.NodeName ?? "";

    public string Phase => Pod.Status?.Phase ?? "";

    /// <summary>Picks the container named by <paramref name="requested"/>, or the pod's only or default one.</summary>
    public static PodStreamTarget Resolve(JsonObject json, string? requested)
    {
        var pod = KubernetesClientExtensions.FromJson<Pod>(json);
        var name = pod.Metadata?.Name ?? "";
        var containers = pod.Spec?.Containers?.Select(c => c.Name ?? "").ToList() ?? [];
        var all = containers.Concat(pod.Spec?.InitContainers?.Select(c => c.Name ?? "") ?? []).ToList();
        if (!string.IsNullOrEmpty(requested))
        {
            return all.Contains(requested)
                ? new PodStreamTarget(json, pod, requested)
                : throw ApiException.BadRequest($"container {requested} is not valid for pod {name}");
        }

        if (containers.Count == 1)
        {
            return new PodStreamTarget(json, pod, containers[0]);
        }

        if (pod.Metadata?.Annotations?.TryGetValue(DefaultContainerAnnotation, out var preferred) == true && containers.Contains(preferred))
        {
            return new PodStreamTarget(json, pod, preferred);
        }

        throw ApiException.BadRequest($"a container name must be specified for pod {name}, choose one of: [{string.Join(' ', containers)}]");
    }

    /// <summary>The container's status, or null when the node has not reported it yet.</summary>
    public ContainerStatus? Status =>
        (Pod.Status?.ContainerStatuses ?? []).Concat(Pod.Status?.InitContainerStatuses ?? []).FirstOrDefault(s => s.Name == Container);

    /// <summary>Throws 400 unless the container has started at least once (logs) or is running now (exec, attach).</summary>
    public void EnsureStarted(bool mustRun)
    {
        var status = Status;
        if (status?.State?.Running is not null)
        {
            return;
        }

        if (status?.State?.Terminated is not null && !mustRun)
        {
            return;
        }

        if (status?.LastState?.Terminated is not null && !mustRun)
        {
            return;
        }

        if (mustRun && status?.State?.Terminated is not null)
        {
            throw ApiException.BadRequest($"container {Container} is not running in pod {Name}: it has terminated");
        }

        var reason = status?.State?.Waiting?.Reason is { Length: > 0 } waiting ? waiting : "ContainerCreating";
        throw ApiException.BadRequest($"container \"{Container}\" in pod \"{Name}\" is waiting to start: {reason}");
    }

    /// <summary>Throws 400 when the pod has finished (exec, attach and port-forward need it running).</summary>
    public void EnsureNotCompleted(string action)
    {
        if (Phase is "Succeeded" or "Failed")
        {
            throw ApiException.BadRequest($"cannot {action} a container in a completed pod; current phase is {Phase}");
        }
    }
}
