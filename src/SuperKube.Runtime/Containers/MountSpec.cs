namespace SuperKube.Runtime.Containers;

/// <summary>
/// A volume mounted into a container: either a host directory (<see cref="HostPath"/>: hostPath and emptyDir) or
/// projected files (<see cref="Files"/>: configMap, secret, downwardAPI) that the runtime materialises.
/// </summary>
public sealed record MountSpec
{
    /// <summary>Where the volume appears in the container.</summary>
    public required string ContainerPath { get; init; }

    public bool ReadOnly { get; init; }

    /// <summary>A host directory to bind, or null for projected files.</summary>
    public string? HostPath { get; init; }

    /// <summary>Files by relative path, for projected volumes; null for host directories.</summary>
    public IReadOnlyDictionary<string, byte[]>? Files { get; init; }
}
