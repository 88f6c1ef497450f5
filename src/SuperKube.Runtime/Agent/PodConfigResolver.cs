using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SuperKube.Api;
using SuperKube.Client;
using SuperKube.Model.Core;
using SuperKube.Runtime.Containers;

namespace SuperKube.Runtime.Agent;

/// <summary>
/// Turns a container's <c>env</c>, <c>envFrom</c> and <c>volumeMounts</c> into what the runtime takes: resolved
/// variables (fieldRef, configMapKeyRef, secretKeyRef, <c>$(VAR)</c> references) and mounts (configMap, secret,
/// downwardAPI and projected volumes as files; emptyDir and hostPath as directories).
/// </summary>
internal sealed partial class PodConfigResolver(IKubernetesClient client, string rootDirectory)
{
    private readonly Dictionary<string, ConfigMap?> _configMaps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Secret?> _secrets = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<KeyValuePair<string, string>>> EnvironmentAsync(
        Pod pod, Container container, string podIp, string hostIp, CancellationToken cancellationToken)
    {
        var ns = pod.Metadata?.Namespace ?? "";
        var result = new List<KeyValuePair<string, string>>();
        foreach (var source in container.EnvFrom ?? [])
        {
            var prefix = source.Prefix ?? "";
            if (source.ConfigMapRef is { Name: { } cmName } cmRef)
            {
                var map = await ConfigMapAsync(ns, cmName, cancellationToken).ConfigureAwait(false);
                if (map is null && cmRef.Optional != true)
                {
                    throw new ContainerConfigException($"configmap \"{cmName}\" not found");
                }

                result.AddRange((map?.Data ?? new Dictionary<string, string>()).Select(p => KeyValuePair.Create(prefix + p.Key, p.Value)));
            }

            if (source.SecretRef is { Name: { } secretName } secretRef)
            {
                var secret = await SecretAsync(ns, secretName, cancellationToken).ConfigureAwait(false);
                if (secret is null && secretRef.Optional != true)
                {
                    throw new ContainerConfigException($"secret \"{secretName}\" not found");
                }

                result.AddRange(SecretData(secret).Select(p => KeyValuePair.Create(prefix + p.Key, Encoding.UTF8.GetString(p.Value))));
            }
        }

        foreach (var env in container.Env ?? [])
        {
            var value = await EnvValueAsync(pod, env, podIp, hostIp, cancellationToken).ConfigureAwait(false);
            if (value is not null)
            {
                result.Add(KeyValuePair.Create(env.Name ?? "", Expand(value, result)));
            }
        }

        return result;
    }

    public async Task<IReadOnlyList<MountSpec>> MountsAsync(Pod pod, Container container, string podIp, string hostIp, CancellationToken cancellationToken)
    {
        var volumes = (pod.Spec?.Volumes ?? []).Where(v => v.Name is not null).ToDictionary(v => v.Name!, StringComparer.Ordinal);
        var result = new List<MountSpec>();
        foreach (var mount in container.VolumeMounts ?? [])
        {
            if (mount.Name is null || mount.MountPath is null || !volumes.TryGetValue(mount.Name, out var volume))
            {
                continue;
            }

            var spec = await VolumeAsync(pod, volume, podIp, hostIp, cancellationToken).ConfigureAwait(false);
            var subPath = mount.SubPath ?? "";
            if (subPath.Length > 0)
            {
                spec = spec.HostPath is { } host
                    ? spec with { HostPath = Path.Combine(host, subPath) }
                    : spec with { Files = spec.Files?.Where(f => f.Key.StartsWith(subPath + "/", StringComparison.Ordinal)).ToDictionary(f => f.Key[(subPath.Length + 1)..], f => f.Value) };
            }

            result.Add(spec with { ContainerPath = mount.MountPath, ReadOnly = spec.ReadOnly || mount.ReadOnly == true });
        }

        return result;
    }

    private async Task<MountSpec> VolumeAsync(Pod pod, Volume volume, string podIp, string hostIp, CancellationToken cancellationToken)
    {
        var ns = pod.Metadata?.Namespace ?? "";
        var name = volume.Name ?? "";
        if (volume.HostPath is { Path: { } hostPath })
        {
            return new MountSpec { ContainerPath = "", HostPath = hostPath };
        }

        if (volume.ConfigMap is { } cm)
        {
            var map = await ConfigMapAsync(ns, cm.Name ?? "", cancellationToken).ConfigureAwait(false);
            if (map is null && cm.Optional != true)
            {
                throw new ContainerConfigException($"MountVolume.SetUp failed for volume \"{name}\" : configmap \"{cm.Name}\" not found", name);
            }

            return Files(Project(ConfigMapData(map), cm.Items, name, "configmap", cm.Name));
        }

        if (volume.Secret is { } s)
        {
            var secret = await SecretAsync(ns, s.SecretName ?? "", cancellationToken).ConfigureAwait(false);
            if (secret is null && s.Optional != true)
            {
                throw new ContainerConfigException($"MountVolume.SetUp failed for volume \"{name}\" : secret \"{s.SecretName}\" not found", name);
            }

            return Files(Project(SecretData(secret), s.Items, name, "secret", s.SecretName));
        }

        if (volume.DownwardAPI is { } downward)
        {
            return Files(DownwardFiles(pod, downward.Items, podIp, hostIp));
        }

        if (volume.Projected is { } projected)
        {
            var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var source in projected.Sources ?? [])
            {
                if (source.ConfigMap is { } pcm)
                {
                    var map = await ConfigMapAsync(ns, pcm.Name ?? "", cancellationToken).ConfigureAwait(false);
                    Merge(files, map is null && pcm.Optional != true
                        ? throw new ContainerConfigException($"MountVolume.SetUp failed for volume \"{name}\" : configmap \"{pcm.Name}\" not found", name)
                        : Project(ConfigMapData(map), pcm.Items, name, "configmap", pcm.Name));
                }

                if (source.Secret is { } ps)
                {
                    var secret = await SecretAsync(ns, ps.Name ?? "", cancellationToken).ConfigureAwait(false);
                    Merge(files, secret is null && ps.Optional != true
                        ? throw new ContainerConfigException($"MountVolume.SetUp failed for volume \"{name}\" : secret \"{ps.Name}\" not found", name)
                        : Project(SecretData(secret), ps.Items, name, "secret", ps.Name));
                }

                if (source.DownwardAPI is { } pd)
                {
                    Merge(files, DownwardFiles(pod, pd.Items, podIp, hostIp));
                }

                if (source.ServiceAccountToken is { } token)
                {
                    files[token.Path ?? "token"] = Encoding.UTF8.GetBytes(await ServiceAccountTokenAsync(pod, name, token, cancellationToken).ConfigureAwait(false));
                }
            }

            return Files(files);
        }

        // emptyDir, and volume types without node support yet (PVCs), are per-pod directories.
        return new MountSpec
        {
            ContainerPath = "",
            HostPath = Path.Combine(rootDirectory, "pods", pod.Metadata?.Uid ?? "", "volumes", name),
        };
    }

    /// <summary>
    /// A token for the pod's service account, bound to the pod, from the TokenRequest API (what the kubelet's token
    /// manager asks for; it is not refreshed while the pod runs).
    /// </summary>
    private async Task<string> ServiceAccountTokenAsync(Pod pod, string volume, ServiceAccountTokenProjection projection, CancellationToken cancellationToken)
    {
        var ns = pod.Metadata?.Namespace ?? "";
        var account = pod.Spec?.ServiceAccountName is { Length: > 0 } name ? name : "default";
        var spec = new JsonObject
        {
            ["expirationSeconds"] = projection.ExpirationSeconds ?? 3600,
            ["boundObjectRef"] = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Pod", ["name"] = pod.Metadata?.Name, ["uid"] = pod.Metadata?.Uid },
        };
        if (projection.Audience is { Length: > 0 } audience)
        {
            spec["audiences"] = new JsonArray(audience);
        }

        var request = new JsonObject { ["apiVersion"] = "authentication.k8s.io/v1", ["kind"] = "TokenRequest", ["spec"] = spec };
        try
        {
            var response = await client.CreateSubresourceAsync(ApiResource.ServiceAccounts, ns, account, "token", request, cancellationToken).ConfigureAwait(false);
            return (string?)response["status"]?["token"] is { Length: > 0 } token
                ? token
                : throw new ContainerConfigException($"MountVolume.SetUp failed for volume \"{volume}\" : failed to fetch token: the TokenRequest answer has no token", volume);
        }
        catch (ApiException ex)
        {
            throw new ContainerConfigException($"MountVolume.SetUp failed for volume \"{volume}\" : failed to fetch token: {ex.Message}", volume);
        }
    }

    private async Task<string?> EnvValueAsync(Pod pod, EnvVar env, string podIp, string hostIp, CancellationToken cancellationToken)
    {
        var ns = pod.Metadata?.Namespace ?? "";
        if (env.ValueFrom is not { } from)
        {
            return env.Value ?? "";
        }

        if (from.FieldRef is { FieldPath: { } path })
        {
            return PodFieldPaths.Value(pod, path, podIp, hostIp) ?? "";
        }

        if (from.ConfigMapKeyRef is { } cmKey)
        {
            var map = await ConfigMapAsync(ns, cmKey.Name ?? "", cancellationToken).ConfigureAwait(false);
            if (map is null)
            {
                return cmKey.Optional == true ? null : throw new ContainerConfigException($"configmap \"{cmKey.Name}\" not found");
            }

            return map.Data is { } data && data.TryGetValue(cmKey.Key ?? "", out var value) ? value
                : cmKey.Optional == true ? null
                : throw new ContainerConfigException($"couldn't find key {cmKey.Key} in ConfigMap {ns}/{cmKey.Name}");
        }

        if (from.SecretKeyRef is { } secretKey)
        {
            var secret = await SecretAsync(ns, secretKey.Name ?? "", cancellationToken).ConfigureAwait(false);
            if (secret is null)
            {
                return secretKey.Optional == true ? null : throw new ContainerConfigException($"secret \"{secretKey.Name}\" not found");
            }

            return SecretData(secret).TryGetValue(secretKey.Key ?? "", out var bytes) ? Encoding.UTF8.GetString(bytes)
                : secretKey.Optional == true ? null
                : throw new ContainerConfigException($"couldn't find key {secretKey.Key} in Secret {ns}/{secretKey.Name}");
        }

        return "";
    }

    private async Task<ConfigMap?> ConfigMapAsync(string ns, string name, CancellationToken cancellationToken)
    {
        if (!_configMaps.TryGetValue(name, out var map))
        {
            map = await client.GetAsync<ConfigMap>(ns, name, cancellationToken).ConfigureAwait(false);
            _configMaps[name] = map;
        }

        return map;
    }

    private async Task<Secret?> SecretAsync(string ns, string name, CancellationToken cancellationToken)
    {
        if (!_secrets.TryGetValue(name, out var secret))
        {
            secret = await client.GetAsync<Secret>(ns, name, cancellationToken).ConfigureAwait(false);
            _secrets[name] = secret;
        }

        return secret;
    }

    private static Dictionary<string, byte[]> ConfigMapData(ConfigMap? map)
    {
        var data = (map?.Data ?? new Dictionary<string, string>()).ToDictionary(p => p.Key, p => Encoding.UTF8.GetBytes(p.Value), StringComparer.Ordinal);
        foreach (var (key, value) in map?.BinaryData ?? new Dictionary<string, string>())
        {
            data[key] = Convert.FromBase64String(value);
        }

        return data;
    }

    private static Dictionary<string, byte[]> SecretData(Secret? secret) =>
        (secret?.Data ?? new Dictionary<string, string>()).ToDictionary(p => p.Key, p => Convert.FromBase64String(p.Value), StringComparer.Ordinal);

    private static Dictionary<string, byte[]> Project(Dictionary<string, byte[]> data, IList<KeyToPath>? items, string volume, string kind, string? source)
    {
        if (items is not { Count: > 0 })
        {
            return data;
        }

        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            files[item.Path ?? item.Key ?? ""] = data.TryGetValue(item.Key ?? "", out var value)
                ? value
                : throw new ContainerConfigException($"MountVolume.SetUp failed for volume \"{volume}\" : {kind} \"{source}\" has no key \"{item.Key}\"", volume);
        }

        return files;
    }

    private static Dictionary<string, byte[]> DownwardFiles(Pod pod, IList<DownwardAPIVolumeFile>? items, string podIp, string hostIp) =>
        (items ?? []).Where(i => i.Path is not null && i.FieldRef?.FieldPath is not null)
            .ToDictionary(i => i.Path!, i => Encoding.UTF8.GetBytes(PodFieldPaths.Value(pod, i.FieldRef!.FieldPath!, podIp, hostIp) ?? ""), StringComparer.Ordinal);

    private static void Merge(Dictionary<string, byte[]> target, Dictionary<string, byte[]> source)
    {
        foreach (var (key, value) in source)
        {
            target[key] = value;
        }
    }

    private static MountSpec Files(Dictionary<string, byte[]> files) => new() { ContainerPath = "", ReadOnly = true, Files = files };

    /// <summary>Expands <c>$(NAME)</c> from earlier variables; <c>$$(NAME)</c> escapes it, unknown names stay as written.</summary>
    private static string Expand(string value, List<KeyValuePair<string, string>> earlier) =>
        Reference().Replace(value, m =>
        {
            if (m.Value.StartsWith("$$", StringComparison.Ordinal))
            {
                return m.Value[1..];
            }

            var name = m.Groups[1].Value;
            var found = earlier.FindLastIndex(p => p.Key == name);
            return found >= 0 ? earlier[found].Value : m.Value;
        });

    [GeneratedRegex(@"\$?\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)")]
    private static partial Regex Reference();
}
