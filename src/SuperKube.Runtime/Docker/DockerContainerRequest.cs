using System.Globalization;
using SuperKube.Runtime.Containers;
using SuperKube.Runtime.Docker.Api;

namespace SuperKube.Runtime.Docker;

/// <summary>Builds the engine's create request for an app container that joins its sandbox's namespaces.</summary>
internal static class DockerContainerRequest
{
    public static ContainerCreateRequest Create(ContainerInspectResponse sandbox, ContainerSpec spec, string? imageUser = null)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        ArgumentNullException.ThrowIfNull(spec);
        var sandboxLabels = sandbox.Config.Labels ?? [];
        var labels = new Dictionary<string, string>(spec.Labels, StringComparer.Ordinal)
        {
            [DockerLabels.Managed] = "true",
            [DockerLabels.Role] = DockerLabels.ContainerRole,
            [DockerLabels.SandboxId] = sandbox.Id,
            [DockerLabels.ContainerName] = spec.Name,
        };
        foreach (var key in new[] { DockerLabels.PodUid, DockerLabels.PodName, DockerLabels.PodNamespace })
        {
            if (sandboxLabels.TryGetValue(key, out var value))
            {
                labels[key] = value;
            }
        }

        foreach (var (key, value) in spec.Annotations)
        {
            labels[DockerLabels.AnnotationPrefix + key] = value;
        }

        var binds = spec.Mounts.Where(m => m.HostPath is not null)
            .Select(m => $"{m.HostPath}:{m.ContainerPath}{(m.ReadOnly ? ":ro" : "")}")
            .ToList();
        return new ContainerCreateRequest
        {
            Image = spec.Image,
            Entrypoint = spec.Command.Count > 0 ? [.. spec.Command] : null,
            Cmd = spec.Args.Count > 0 || spec.Command.Count > 0 ? [.. spec.Args] : null,
            Env = [.. spec.Environment.Select(e => e.Key + "=" + e.Value)],
            WorkingDir = string.IsNullOrEmpty(spec.WorkingDir) ? null : spec.WorkingDir,
            User = User(spec, imageUser),
            Labels = labels,
            Tty = spec.Tty,
            OpenStdin = spec.Stdin,
            StdinOnce = spec.StdinOnce,
            AttachStdin = spec.Stdin,
            AttachStdout = true,
            AttachStderr = true,
            HostConfig = new ContainerHostConfig
            {
                NetworkMode = "container:" + sandbox.Id,
                IpcMode = "container:" + sandbox.Id,
                Binds = binds.Count > 0 ? binds : null,
                NanoCpus = spec.CpuLimitMillis * 1_000_000,
                Memory = spec.MemoryLimitBytes,
                GroupAdd = spec.SupplementalGroups.Count > 0 ? [.. spec.SupplementalGroups.Select(g => g.ToString(CultureInfo.InvariantCulture))] : null,
            },
        };
    }

    /// <summary>
    /// Docker's <c>User</c>: <c>uid</c> or <c>uid:gid</c> from runAsUser/runAsGroup; with only runAsGroup, the image's
    /// user (root when it has none) with that group; null to keep the image's user.
    /// </summary>
    public static string? User(ContainerSpec spec, string? imageUser)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var user = spec.RunAsUser?.ToString(CultureInfo.InvariantCulture);
        if (spec.RunAsGroup is not { } gid)
        {
            return user;
        }

        user ??= (imageUser ?? "").Split(':')[0] is { Length: > 0 } named ? named : "0";
        return user + ":" + gid.ToString(CultureInfo.InvariantCulture);
    }
}
