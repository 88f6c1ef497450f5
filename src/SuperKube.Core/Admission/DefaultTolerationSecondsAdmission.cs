using System.Text.Json.Nodes;
using SuperKube.Registry;
using SuperKube.Taints;

namespace SuperKube.Admission;

/// <summary>
/// Kubernetes' DefaultTolerationSeconds plugin: a new pod that does not tolerate the not-ready and unreachable
/// NoExecute taints gets tolerations for them with <c>tolerationSeconds: 300</c>, so the taint eviction controller
/// waits five minutes before evicting it from a node that stopped reporting.
/// </summary>
internal sealed class DefaultTolerationSecondsAdmission : IMutatingAdmissionPlugin
{
    public const long Seconds = 300;

    public string Name => "DefaultTolerationSeconds";

    public bool AppliesTo(ResourceType resource) => resource is { Group: "", Plural: "pods" };

    public ValueTask MutateAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        if (request is not { Operation: AdmissionOperation.Create, Subresource: "", Resource: { Group: "", Plural: "pods" }, Object: { } pod })
        {
            return ValueTask.CompletedTask;
        }

        if (pod["spec"] is not JsonObject spec)
        {
            return ValueTask.CompletedTask;
        }

        var tolerations = spec["tolerations"] as JsonArray ?? [];
        foreach (var key in new[] { NodeTaints.NotReady, NodeTaints.Unreachable })
        {
            if (!tolerations.OfType<JsonObject>().Any(t => CoversNoExecute(t, key)))
            {
                tolerations.Add(new JsonObject
                {
                    ["key"] = key,
                    ["operator"] = "Exists",
                    ["effect"] = NodeTaints.NoExecute,
                    ["tolerationSeconds"] = Seconds,
                });
            }
        }

        spec["tolerations"] = tolerations;
        return ValueTask.CompletedTask;
    }

    /// <summary>Whether an existing toleration already says something about <paramref name="key"/>'s NoExecute taint (upstream leaves those alone).</summary>
    private static bool CoversNoExecute(JsonObject toleration, string key)
    {
        var effect = (string?)toleration["effect"] ?? "";
        var tolerationKey = (string?)toleration["key"] ?? "";
        return (effect.Length == 0 || effect == NodeTaints.NoExecute) && (tolerationKey.Length == 0 || tolerationKey == key);
    }
}
