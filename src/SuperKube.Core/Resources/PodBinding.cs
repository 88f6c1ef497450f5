using System.Text.Json.Nodes;
using SuperKube.Api;
using SuperKube.Objects;
using SuperKube.Registry;

namespace SuperKube.Resources;

/// <summary>
/// <c>pods/binding</c>: assigns a pod to a node (what the scheduler does). A pod is bound once; binding it again
/// is a 409, as upstream.
/// </summary>
internal sealed class PodBinding(IResourceRegistry registry, ResourceWriter writer, TimeProvider time)
{
    public async Task BindAsync(string ns, string name, JsonObject binding, WriteContext context, CancellationToken cancellationToken)
    {
        var pods = registry.Find("", "v1", "pods") ?? throw new InvalidOperationException("pods are not registered");
        var target = binding["target"] as JsonObject;
        var node = target?["name"] is JsonValue v && v.TryGetValue<string>(out var n) ? n : "";
        if (node.Length == 0)
        {
            throw ApiException.Invalid("", "Binding", name, [Validation.FieldError.Required("target.name")]);
        }

        if (target?["kind"] is JsonValue k && k.TryGetValue<string>(out var kind) && kind.Length > 0 && kind != "Node")
        {
            throw ApiException.Invalid("", "Binding", name, [Validation.FieldError.NotSupported("target.kind", kind, ["Node"])]);
        }

        await writer.UpdateAsync(pods, ns, name, "binding", pod =>
        {
            var spec = pod["spec"] as JsonObject ?? throw ApiException.Conflict(pods, name, "pod has no spec");
            if (ObjectMetadata.IsDeleting(pod))
            {
                throw ApiException.Conflict(pods, name, "pod is being deleted, cannot be assigned to a host");
            }

            if (spec["nodeName"] is JsonValue existing && existing.TryGetValue<string>(out var assigned) && assigned.Length > 0)
            {
                throw ApiException.Conflict(pods, name, $"pod {name} is already assigned to node \"{assigned}\"");
            }

            spec["nodeName"] = node;
            SetScheduledCondition(pod);
            return pod;
        }, context, cancellationToken).ConfigureAwait(false);
    }

    private void SetScheduledCondition(JsonObject pod)
    {
        var status = pod["status"] as JsonObject ?? new JsonObject();
        pod["status"] = status;
        var conditions = status["conditions"] as JsonArray ?? new JsonArray();
        status["conditions"] = conditions;
        var existing = conditions.OfType<JsonObject>().FirstOrDefault(c => (string?)c["type"] == "PodScheduled");
        if (existing is not null)
        {
            conditions.Remove(existing);
        }

        conditions.Add(new JsonObject
        {
            ["type"] = "PodScheduled",
            ["status"] = "True",
            ["lastProbeTime"] = null,
            ["lastTransitionTime"] = ObjectMetadata.Timestamp(time.GetUtcNow()),
        });
    }
}
