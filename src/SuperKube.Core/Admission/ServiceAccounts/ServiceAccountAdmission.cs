using System.Text.Json.Nodes;
using SuperKube.Api;
using SuperKube.Controllers.ServiceAccounts;
using SuperKube.Registry;
using SuperKube.Resources;
using SuperKube.Security;
using SuperKube.Security.Nodes;

namespace SuperKube.Admission.ServiceAccounts;

/// <summary>
/// Kubernetes' ServiceAccount admission plugin, for new pods: <c>spec.serviceAccountName</c> defaults to
/// <c>default</c>; a pod whose ServiceAccount does not exist is refused (403); unless the pod or its account sets
/// <c>automountServiceAccountToken: false</c>, a projected <c>kube-api-access-XXXXX</c> volume (a bound token, the
/// cluster CA from the <c>kube-root-ca.crt</c> ConfigMap, the namespace) is added and mounted read-only at
/// <see cref="MountPath"/> in every init and regular container that mounts nothing there; the account's
/// <c>imagePullSecrets</c> are copied into a pod that has none. Mirror pods are left alone but may not reference
/// ServiceAccounts or Secrets.
/// </summary>
internal sealed class ServiceAccountAdmission(IObjectLookup objects, TimeProvider time) : IMutatingAdmissionPlugin
{
    public const string DefaultAccount = "default";
    public const string MountPath = "/var/run/secrets/kubernetes.io/serviceaccount";
    public const string VolumePrefix = "kube-api-access-";
    public const long TokenExpirationSeconds = 3607;

    /// <summary>How often the <c>default</c> account is looked for before a pod is refused (it may be a moment behind its namespace), as upstream.</summary>
    private const int DefaultAccountAttempts = 10;

    public string Name => "ServiceAccount";

    public bool AppliesTo(ResourceType resource) => resource is { Group: "", Plural: "pods" };

    public async ValueTask MutateAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request is not { Operation: AdmissionOperation.Create, Subresource: "", Object: { } pod })
        {
            return;
        }

        var spec = pod["spec"] as JsonObject ?? [];
        pod["spec"] = spec;
        if (((pod["metadata"] as JsonObject)?["annotations"] as JsonObject)?.ContainsKey(NodeRestrictionAdmission.MirrorPodAnnotation) == true)
        {
            CheckMirrorPod(request, spec);
            return;
        }

        var name = Text(spec["serviceAccountName"]) is { Length: > 0 } named ? named : DefaultAccount;
        spec["serviceAccountName"] = name;
        var account = await FindAsync(request.Namespace, name, cancellationToken).ConfigureAwait(false)
            ?? throw ApiException.Forbidden(request.Resource, request.Name,
                $"error looking up service account {request.Namespace}/{name}: serviceaccount \"{name}\" not found");

        if (ShouldAutomount(spec, account))
        {
            MountToken(spec);
        }

        if (spec["imagePullSecrets"] is not JsonArray { Count: > 0 } && account["imagePullSecrets"] is JsonArray { Count: > 0 } pullSecrets)
        {
            spec["imagePullSecrets"] = new JsonArray([.. pullSecrets.OfType<JsonObject>().Select(s => (JsonNode?)new JsonObject { ["name"] = s["name"]?.DeepClone() })]);
        }
    }

    private static void CheckMirrorPod(AdmissionRequest request, JsonObject spec)
    {
        var references = PodReferences.Of(request.Name, spec);
        if (references.ServiceAccount.Length > 0)
        {
            throw ApiException.Forbidden(request.Resource, request.Name, "a mirror pod may not reference service accounts");
        }

        if (references.Secrets.Count > 0)
        {
            throw ApiException.Forbidden(request.Resource, request.Name, "a mirror pod may not reference secrets");
        }
    }

    /// <summary>The account from the cache; <c>default</c> is looked for again for a moment, since its controller creates it just after the namespace.</summary>
    private async ValueTask<JsonObject?> FindAsync(string ns, string name, CancellationToken cancellationToken)
    {
        var attempts = name == DefaultAccount ? DefaultAccountAttempts : 1;
        for (var attempt = 1; ; attempt++)
        {
            if (objects.Find("", "serviceaccounts", ns, name) is { } account)
            {
                return account;
            }

            if (attempt == attempts)
            {
                return null;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100 + Random.Shared.Next(100)), time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The pod's <c>automountServiceAccountToken</c> wins, then the account's; true when neither says.</summary>
    private static bool ShouldAutomount(JsonObject spec, JsonObject account) =>
        Flag(spec["automountServiceAccountToken"]) ?? Flag(account["automountServiceAccountToken"]) ?? true;

    private static void MountToken(JsonObject spec)
    {
        var volumes = spec["volumes"] as JsonArray ?? [];
        var taken = volumes.OfType<JsonObject>().Select(v => Text(v["name"])).ToHashSet(StringComparer.Ordinal);
        string volumeName;
        do
        {
            volumeName = VolumePrefix + ObjectPreparation.RandomSuffix();
        }
        while (taken.Contains(volumeName));

        var mounted = false;
        foreach (var container in new[] { "initContainers", "containers" }.SelectMany(list => (spec[list] as JsonArray ?? []).OfType<JsonObject>()))
        {
            var mounts = container["volumeMounts"] as JsonArray ?? [];
            if (mounts.OfType<JsonObject>().Any(m => Text(m["mountPath"]) == MountPath))
            {
                continue; // the pod's own mount at the path wins
            }

            mounts.Add(new JsonObject { ["name"] = volumeName, ["readOnly"] = true, ["mountPath"] = MountPath });
            container["volumeMounts"] = mounts;
            mounted = true;
        }

        if (mounted)
        {
            volumes.Add(TokenVolume(volumeName));
            spec["volumes"] = volumes;
        }
    }

    private static JsonObject TokenVolume(string name) => new()
    {
        ["name"] = name,
        ["projected"] = new JsonObject
        {
            ["sources"] = new JsonArray(
                new JsonObject { ["serviceAccountToken"] = new JsonObject { ["expirationSeconds"] = TokenExpirationSeconds, ["path"] = "token" } },
                new JsonObject
                {
                    ["configMap"] = new JsonObject
                    {
                        ["name"] = ServiceAccountReconciler.RootCaConfigMap,
                        ["items"] = new JsonArray(new JsonObject { ["key"] = "ca.crt", ["path"] = "ca.crt" }),
                    },
                },
                new JsonObject
                {
                    ["downwardAPI"] = new JsonObject
                    {
                        ["items"] = new JsonArray(new JsonObject
                        {
                            ["path"] = "namespace",
                            ["fieldRef"] = new JsonObject { ["apiVersion"] = "v1", ["fieldPath"] = "metadata.namespace" },
                        }),
                    },
                }),
            ["defaultMode"] = 420,
        },
    };

    private static bool? Flag(JsonNode? node) => node is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

    private static string Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
}
