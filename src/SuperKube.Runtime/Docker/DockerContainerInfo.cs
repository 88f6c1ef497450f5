using SuperKube.Runtime.Containers;
using SuperKube.Runtime.Docker.Api;

namespace SuperKube.Runtime.Docker;

/// <summary>Turns an inspected Docker container into the runtime contract's <see cref="ContainerInfo"/>.</summary>
internal static class DockerContainerInfo
{
    public static ContainerInfo From(ContainerInspectResponse container)
    {
        ArgumentNullException.ThrowIfNull(container);
        var labels = container.Config.Labels ?? [];
        var state = container.State.Status switch
        {
            "created" => ContainerState.Created,
            "running" or "paused" or "restarting" => ContainerState.Running,
            "exited" or "dead" => ContainerState.Exited,
            _ => ContainerState.Unknown,
        };
        var exited = state == ContainerState.Exited;
        return new ContainerInfo
        {
            Id = container.Id,
            SandboxId = labels.GetValueOrDefault(DockerLabels.SandboxId, ""),
            Name = labels.GetValueOrDefault(DockerLabels.ContainerName, container.Name?.TrimStart('/') ?? ""),
            Image = container.Config.Image ?? "",
            ImageId = container.Image ?? "",
            Labels = labels.Where(l => !l.Key.StartsWith(DockerLabels.AnnotationPrefix, StringComparison.Ordinal)).ToDictionary(StringComparer.Ordinal),
            Annotations = labels.Where(l => l.Key.StartsWith(DockerLabels.AnnotationPrefix, StringComparison.Ordinal))
                .ToDictionary(l => l.Key[DockerLabels.AnnotationPrefix.Length..], l => l.Value, StringComparer.Ordinal),
            State = state,
            ExitCode = exited ? container.State.ExitCode : null,
            Reason = exited ? Reason(container.State) : null,
            Message = string.IsNullOrEmpty(container.State.Error) ? null : container.State.Error,
            CreatedAt = DockerTime.Parse(container.Created) ?? DateTimeOffset.UnixEpoch,
            StartedAt = state == ContainerState.Created ? null : DockerTime.Parse(container.State.StartedAt),
            FinishedAt = exited ? DockerTime.Parse(container.State.FinishedAt) : null,
        };
    }

    /// <summary>The Kubernetes terminated reason: <c>OOMKilled</c>, <c>Completed</c> (exit 0) or <c>Error</c>.</summary>
    public static string Reason(ContainerStateResponse state) =>
        state.OOMKilled ? "OOMKilled" : state.ExitCode == 0 ? "Completed" : "Error";
}
