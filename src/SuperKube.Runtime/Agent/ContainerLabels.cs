using SuperKube.Objects;

namespace SuperKube.Runtime.Agent;

/// <summary>
/// The labels the agent puts on every sandbox and container, so that after a restart it can tell which pod (and
/// which node) each one belongs to. The pod keys are the kubelet's own.
/// </summary>
internal static class ContainerLabels
{
    public const string PodUid = "io.kubernetes.pod.uid";
    public const string PodName = "io.kubernetes.pod.name";
    public const string PodNamespace = "io.kubernetes.pod.namespace";
    public const string ContainerName = "io.kubernetes.container.name";
    public const string Node = "io.superkube.node";

    /// <summary>Annotation carrying the instance's restart count, read back when the agent adopts it.</summary>
    public const string RestartCount = "io.kubernetes.container.restartCount";

    public static IReadOnlyDictionary<string, string> For(PodSnapshot pod, string container) => StringMap.From(
    [
        new(PodUid, pod.Uid),
        new(PodName, pod.Name),
        new(PodNamespace, pod.Namespace),
        new(ContainerName, container),
        new(Node, pod.Pod.Spec?.NodeName ?? ""),
    ]);
}
