using SuperKube.Client;
using SuperKube.Model.Core;
using SuperKube.Runtime.Containers;

namespace SuperKube.Runtime.Agent;

/// <summary>
/// The registry credentials a pod pulls with: the Secrets named in <c>spec.imagePullSecrets</c>, or, when it names
/// none, those of its ServiceAccount's <c>imagePullSecrets</c> (what upstream's ServiceAccount admission would have
/// copied into the pod). Secrets that cannot be read are reported, and the pull goes on without them, as the kubelet does.
/// </summary>
internal sealed class ImagePullSecrets(IKubernetesClient client)
{
    public async Task<(IReadOnlyList<RegistryCredential> Credentials, IReadOnlyList<string> Missing)> ResolveAsync(Pod pod, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var ns = pod.Metadata?.Namespace ?? "";
        var names = Names(pod.Spec?.ImagePullSecrets);
        if (names.Count == 0)
        {
            var account = pod.Spec?.ServiceAccountName is { Length: > 0 } named ? named : "default";
            var serviceAccount = await client.GetAsync(ApiResource.ServiceAccounts, ns, account, cancellationToken).ConfigureAwait(false);
            names = serviceAccount is null ? [] : Names(KubernetesClientExtensions.FromJson<ServiceAccount>(serviceAccount).ImagePullSecrets);
        }

        var credentials = new List<RegistryCredential>();
        var missing = new List<string>();
        foreach (var name in names)
        {
            var secret = await client.GetAsync(ApiResource.Secrets, ns, name, cancellationToken).ConfigureAwait(false);
            if (secret is null)
            {
                missing.Add(name);
                continue;
            }

            credentials.AddRange(DockerConfigSecret.Credentials(secret));
        }

        return (credentials, missing);
    }

    private static List<string> Names(IEnumerable<LocalObjectReference>? references) =>
        [.. (references ?? []).Select(r => r.Name ?? "").Where(n => n.Length > 0).Distinct(StringComparer.Ordinal)];
}
