using System.Text.Json.Nodes;
using SuperKube.Model;
using SuperKube.Model.Core;

namespace SuperKube.Controllers;

/// <summary>Pods made from a workload's template: its labels, annotations and finalizers, controlled by the workload.</summary>
internal static class WorkloadPods
{
    /// <summary>
    /// A pod of <paramref name="template"/> owned by <paramref name="owner"/>, named <paramref name="name"/> (or
    /// generated from <paramref name="generateName"/>), with <paramref name="labels"/> added to the template's.
    /// </summary>
    public static JsonObject FromTemplate<T>(T owner, PodTemplateSpec? template, string? name, string? generateName, IReadOnlyDictionary<string, string>? labels = null)
        where T : class, IKubernetesObject
    {
        var meta = new JsonObject
        {
            ["namespace"] = owner.Metadata?.Namespace,
            ["ownerReferences"] = new JsonArray(ModelJson.ToNode(ControllerRefs.For(owner))),
        };
        if (name is not null)
        {
            meta["name"] = name;
        }
        else
        {
            meta["generateName"] = generateName;
        }

        if (ModelJson.ToNode(template?.Metadata) is JsonObject templateMeta)
        {
            foreach (var field in new[] { "labels", "annotations", "finalizers" })
            {
                if (templateMeta[field] is { } value)
                {
                    meta[field] = value.DeepClone();
                }
            }
        }

        if (labels is { Count: > 0 })
        {
            var target = meta["labels"] as JsonObject ?? [];
            foreach (var (key, value) in labels)
            {
                target[key] = value;
            }

            meta["labels"] = target;
        }

        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = meta,
            ["spec"] = ModelJson.ToNode(template?.Spec) ?? new JsonObject(),
        };
    }

    /// <summary>The value of a pod label, or null.</summary>
    public static string? Label(Pod pod, string key) =>
        pod.Metadata?.Labels?.TryGetValue(key, out var value) == true ? value : null;
}
