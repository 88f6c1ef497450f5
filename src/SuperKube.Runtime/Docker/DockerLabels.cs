namespace SuperKube.Runtime.Docker;

/// <summary>Labels SuperKube puts on its Docker containers so a restarted agent can find them again.</summary>
internal static class DockerLabels
{
    /// <summary>Marks every container SuperKube created.</summary>
    public const string Managed = "io.superkube.managed";

    /// <summary><c>sandbox</c> or <c>container</c>.</summary>
    public const string Role = "io.superkube.role";

    public const string PodUid = "io.superkube.pod.uid";

    public const string PodName = "io.superkube.pod.name";

    public const string PodNamespace = "io.superkube.pod.namespace";

    /// <summary>On a sandbox: <c>true</c> when the pod uses the host's network.</summary>
    public const string HostNetwork = "io.superkube.host-network";

    /// <summary>The sandbox an app container belongs to.</summary>
    public const string SandboxId = "io.superkube.sandbox.id";

    /// <summary>The container's name in the pod.</summary>
    public const string ContainerName = "io.superkube.container.name";

    /// <summary>Prefix of labels that carry the container's annotations.</summary>
    public const string AnnotationPrefix = "annotation.io.superkube/";

    public const string SandboxRole = "sandbox";

    public const string ContainerRole = "container";
}
