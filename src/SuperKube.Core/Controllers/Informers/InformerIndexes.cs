using SuperKube.Model;
using SuperKube.Model.Core;

namespace SuperKube.Controllers.Informers;

/// <summary>
/// Index names and functions. Every informer has <see cref="Namespace"/>, <see cref="ControllerUid"/> and
/// <see cref="Orphans"/>; others (such as <see cref="NodeName"/> on pods) are added with
/// <see cref="IInformer{T}.AddIndexer"/>.
/// </summary>
public static class InformerIndexes
{
    /// <summary>Objects by namespace.</summary>
    public const string Namespace = "namespace";

    /// <summary>Objects by the UID of their controller (the owner reference with <c>controller: true</c>).</summary>
    public const string ControllerUid = "controller-uid";

    /// <summary>Objects without a controller, by namespace (candidates for adoption).</summary>
    public const string Orphans = "orphans";

    /// <summary>Pods by <c>spec.nodeName</c> (bound pods only).</summary>
    public const string NodeName = "spec.nodeName";

    public static IEnumerable<string> ByNamespace(IKubernetesObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return [obj.Metadata?.Namespace ?? ""];
    }

    public static IEnumerable<string> ByControllerUid(IKubernetesObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return ControllerRefs.ControllerOf(obj.Metadata)?.Uid is { Length: > 0 } uid ? [uid] : [];
    }

    public static IEnumerable<string> ByOrphanNamespace(IKubernetesObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return ControllerRefs.ControllerOf(obj.Metadata) is null ? [obj.Metadata?.Namespace ?? ""] : [];
    }

    public static IEnumerable<string> ByNodeName(Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return pod.Spec?.NodeName is { Length: > 0 } node ? [node] : [];
    }
}
