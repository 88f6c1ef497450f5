namespace SuperKube.Runtime.Docker;

/// <summary>Settings of the Docker container runtime.</summary>
public sealed class DockerRuntimeOptions
{
    /// <summary>
    /// The engine endpoint (<c>unix:///var/run/docker.sock</c>, <c>tcp://host:2375</c>). Default: null, which reads
    /// <c>DOCKER_HOST</c> and falls back to <c>unix:///var/run/docker.sock</c>.
    /// </summary>
    public string? Host { get; set; }

    /// <summary>
    /// The image of the sandbox containers that hold each pod's network namespace; built locally on first use when
    /// absent (no registry needed). Default: <c>superkube/pause:1</c>.
    /// </summary>
    public string PauseImage { get; set; } = "superkube/pause:1";

    /// <summary>
    /// The base64url JSON credentials sent as <c>X-Registry-Auth</c> with pulls that no pod image pull secret covers.
    /// Default: null (anonymous).
    /// </summary>
    public string? RegistryAuth { get; set; }
}
