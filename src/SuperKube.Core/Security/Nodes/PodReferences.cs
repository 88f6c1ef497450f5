using System.Text.Json.Nodes;

namespace SuperKube.Security.Nodes;

/// <summary>
/// The objects a pod's spec names, which the node running it may therefore read: Secrets (volumes, projections,
/// <c>env</c>/<c>envFrom</c>, image pull secrets, and the <c>secretRef</c>s of other volume types such as CSI),
/// ConfigMaps, PersistentVolumeClaims (generic ephemeral volumes name theirs <c>POD-VOLUME</c>) and the ServiceAccount.
/// </summary>
internal sealed record PodReferences(
    IReadOnlySet<string> Secrets, IReadOnlySet<string> ConfigMaps, IReadOnlySet<string> Claims, string ServiceAccount)
{
    private static readonly string[] ContainerLists = ["initContainers", "containers", "ephemeralContainers"];

    public bool IsEmpty => Secrets.Count == 0 && ConfigMaps.Count == 0 && Claims.Count == 0 && ServiceAccount.Length == 0;

    /// <summary>The references of pod <paramref name="podName"/> with spec <paramref name="spec"/>.</summary>
    public static PodReferences Of(string podName, JsonObject? spec)
    {
        var secrets = new HashSet<string>(StringComparer.Ordinal);
        var configMaps = new HashSet<string>(StringComparer.Ordinal);
        var claims = new HashSet<string>(StringComparer.Ordinal);
        if (spec is null)
        {
            return new(secrets, configMaps, claims, "");
        }

        foreach (var pullSecret in Objects(spec["imagePullSecrets"]))
        {
            Add(secrets, pullSecret["name"]);
        }

        foreach (var container in ContainerLists.SelectMany(list => Objects(spec[list])))
        {
            foreach (var env in Objects(container["env"]))
            {
                Add(secrets, env["valueFrom"]?["secretKeyRef"]?["name"]);
                Add(configMaps, env["valueFrom"]?["configMapKeyRef"]?["name"]);
            }

            foreach (var envFrom in Objects(container["envFrom"]))
            {
                Add(secrets, envFrom["secretRef"]?["name"]);
                Add(configMaps, envFrom["configMapRef"]?["name"]);
            }
        }

        foreach (var volume in Objects(spec["volumes"]))
        {
            AddVolume(podName, volume, secrets, configMaps, claims);
        }

        var account = Text(spec["serviceAccountName"]) is { Length: > 0 } named ? named : Text(spec["serviceAccount"]);
        return new(secrets, configMaps, claims, account);
    }

    private static void AddVolume(string podName, JsonObject volume, HashSet<string> secrets, HashSet<string> configMaps, HashSet<string> claims)
    {
        foreach (var (field, source) in volume)
        {
            switch (field, source)
            {
                case ("secret", JsonObject secret):
                    Add(secrets, secret["secretName"]);
                    break;
                case ("configMap", JsonObject configMap):
                    Add(configMaps, configMap["name"]);
                    break;
                case ("persistentVolumeClaim", JsonObject claim):
                    Add(claims, claim["claimName"]);
                    break;
                case ("ephemeral", JsonObject):
                    Add(claims, JsonValue.Create(podName + "-" + Text(volume["name"])));
                    break;
                case ("projected", JsonObject projected):
                    foreach (var projection in Objects(projected["sources"]))
                    {
                        Add(secrets, projection["secret"]?["name"]);
                        Add(configMaps, projection["configMap"]?["name"]);
                    }

                    break;
                case (_, JsonObject other):
                    // cephfs, flexVolume, iscsi, rbd, scaleIO, storageos: secretRef; csi: nodePublishSecretRef; azureFile: secretName.
                    Add(secrets, other["secretRef"]?["name"]);
                    Add(secrets, other["nodePublishSecretRef"]?["name"]);
                    if (field == "azureFile")
                    {
                        Add(secrets, other["secretName"]);
                    }

                    break;
            }
        }
    }

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => (node as JsonArray ?? []).OfType<JsonObject>();

    private static void Add(HashSet<string> set, JsonNode? name)
    {
        if (Text(name) is { Length: > 0 } text)
        {
            set.Add(text);
        }
    }

    private static string Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
}
