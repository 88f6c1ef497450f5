using System.Globalization;
using SuperKube.Model.Core;

namespace SuperKube.Runtime.Agent;

/// <summary>
/// The identity a container's process runs as, from the pod's and the container's securityContext (the container's
/// runAsUser/runAsGroup/runAsNonRoot win), supplementalGroups plus fsGroup, checked against runAsNonRoot as the
/// kubelet does (a CreateContainerConfigError with its messages).
/// </summary>
internal static class ContainerUser
{
    /// <summary>Fills the user fields of <paramref name="spec"/>; <paramref name="imageUser"/> is the image's configured user ("" for root).</summary>
    public static Containers.ContainerSpec Apply(Containers.ContainerSpec spec, Pod pod, Container container, string? imageUser)
    {
        var podContext = pod.Spec?.SecurityContext;
        var own = container.SecurityContext;
        var runAsUser = own?.RunAsUser ?? podContext?.RunAsUser;
        var runAsGroup = own?.RunAsGroup ?? podContext?.RunAsGroup;
        if ((own?.RunAsNonRoot ?? podContext?.RunAsNonRoot) == true)
        {
            VerifyNonRoot(pod, container.Name ?? "", runAsUser, imageUser ?? "");
        }

        var groups = new List<long>(podContext?.SupplementalGroups ?? []);
        if (podContext?.FsGroup is { } fsGroup)
        {
            groups.Add(fsGroup);
        }

        return spec with { RunAsUser = runAsUser, RunAsGroup = runAsGroup, SupplementalGroups = [.. groups.Distinct()] };
    }

    private static void VerifyNonRoot(Pod pod, string container, long? runAsUser, string imageUser)
    {
        var podName = $"{pod.Metadata?.Name}_{pod.Metadata?.Namespace}({pod.Metadata?.Uid})";
        if (runAsUser is { } uid)
        {
            if (uid == 0)
            {
                throw new ContainerConfigException($"container's runAsUser breaks non-root policy (pod: \"{podName}\", container: {container})");
            }

            return;
        }

        var user = imageUser.Split(':')[0];
        if (user.Length == 0 || (long.TryParse(user, NumberStyles.None, CultureInfo.InvariantCulture, out var imageUid) && imageUid == 0))
        {
            throw new ContainerConfigException($"container has runAsNonRoot and image will run as root (pod: \"{podName}\", container: {container})");
        }

        if (!long.TryParse(user, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            throw new ContainerConfigException(
                $"container has runAsNonRoot and image has non-numeric user ({user}), cannot verify user is non-root (pod: \"{podName}\", container: {container})");
        }
    }
}
