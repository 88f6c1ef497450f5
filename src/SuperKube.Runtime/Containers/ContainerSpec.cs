using SuperKube.Objects;

namespace SuperKube.Runtime.Containers;

/// <summary>A container to create in a sandbox: image, process, environment, mounts and labels.</summary>
public sealed record ContainerSpec
{
    /// <summary>The container's name in the pod.</summary>
    public required string Name { get; init; }

    public required string Image { get; init; }

    /// <summary>Overrides the image's entrypoint (<c>command</c> in the pod spec); empty keeps it.</summary>
    public IReadOnlyList<string> Command { get; init; } = [];

    /// <summary>Overrides the image's arguments (<c>args</c>).</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    public string? WorkingDir { get; init; }

    /// <summary>Resolved environment, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Environment { get; init; } = [];

    public IReadOnlyList<MountSpec> Mounts { get; init; } = [];

    /// <summary>Declared container ports (informational; the pod network exposes every port).</summary>
    public IReadOnlyList<int> Ports { get; init; } = [];

    /// <summary>Labels to find the container by (pod uid, container name, ...).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = StringMap.Empty;

    /// <summary>Annotations (restart count, pod annotations runtimes may read hints from).</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = StringMap.Empty;

    public bool Stdin { get; init; }

    public bool StdinOnce { get; init; }

    public bool Tty { get; init; }

    /// <summary>Memory limit in bytes; 0 for none.</summary>
    public long MemoryLimitBytes { get; init; }

    /// <summary>CPU limit in millicores; 0 for none.</summary>
    public long CpuLimitMillis { get; init; }

    /// <summary>The uid the process runs as (securityContext runAsUser); null keeps the image's user.</summary>
    public long? RunAsUser { get; init; }

    /// <summary>The primary gid (runAsGroup); null keeps the user's group.</summary>
    public long? RunAsGroup { get; init; }

    /// <summary>Extra groups of the process (supplementalGroups and fsGroup).</summary>
    public IReadOnlyList<long> SupplementalGroups { get; init; } = [];
}
