using System.Text.Json.Nodes;
using SuperKube.Api;
using SuperKube.Objects;
using SuperKube.Patching;
using SuperKube.Registry;
using SuperKube.Tables;
using SuperKube.Validation;

namespace SuperKube.Resources;

/// <summary>
/// The <c>scale</c> subresource of deployments, replicasets, statefulsets and replicationcontrollers: an
/// autoscaling/v1 Scale whose <c>spec.replicas</c> is the object's <c>spec.replicas</c> and whose status carries
/// the observed replicas and the pod selector as a string. A Scale with a resourceVersion is a precondition (409
/// when stale); without one, concurrent writes are retried.
/// </summary>
internal sealed class ScaleSubresource(ResourceReader reader, ResourceWriter writer)
{
    public const string Name = "scale";

    public JsonObject Get(ResourceType type, string ns, string name) => ToScale(type, reader.Get(type, ns, name).Parse());

    public async Task<JsonObject> UpdateAsync(ResourceType type, string ns, string name, JsonObject scale, WriteContext context, CancellationToken cancellationToken)
    {
        CheckKind(scale);
        var replicas = Replicas(scale, name);
        var precondition = ObjectMetadata.ResourceVersion(scale);
        var result = await writer.UpdateAsync(type, ns, name, "", current => Resize(current, replicas, precondition), context, cancellationToken)
            .ConfigureAwait(false);
        return ToScale(type, JsonNode.Parse(result.Json.Span)?.AsObject() ?? new JsonObject());
    }

    /// <summary>Patches the Scale view (JSON patch, or merge patch for both merge content types: a Scale has no lists).</summary>
    public async Task<JsonObject> PatchAsync(
        ResourceType type, string ns, string name, string contentType, byte[] body, WriteContext context, CancellationToken cancellationToken)
    {
        Func<JsonObject, JsonObject> apply = contentType switch
        {
            MediaTypes.JsonPatch => scale => JsonPatch.Apply(scale, body),
            MediaTypes.MergePatch or MediaTypes.StrategicMergePatch => scale => JsonMergePatch.Apply(scale, body) as JsonObject
                ?? throw ApiException.BadRequest("a merge patch must produce a JSON object"),
            _ => throw ApiException.UnsupportedMediaType(contentType),
        };
        var result = await writer.UpdateAsync(type, ns, name, "", current =>
        {
            var scale = ToScale(type, current);
            var patched = PatchHandler.Run(() => apply(scale));
            var patchedVersion = ObjectMetadata.ResourceVersion(patched);
            var precondition = patchedVersion != ObjectMetadata.ResourceVersion(scale) ? patchedVersion : "";
            return Resize(current, Replicas(patched, name), precondition);
        }, context, cancellationToken).ConfigureAwait(false);
        return ToScale(type, JsonNode.Parse(result.Json.Span)?.AsObject() ?? new JsonObject());
    }

    /// <summary>The Scale view of an object.</summary>
    public static JsonObject ToScale(ResourceType type, JsonObject obj)
    {
        var meta = ObjectMetadata.Of(obj);
        var scaleMeta = new JsonObject();
        foreach (var field in new[] { "name", "namespace", "uid", "resourceVersion", "creationTimestamp" })
        {
            if (meta[field] is { } value)
            {
                scaleMeta[field] = value.DeepClone();
            }
        }

        var spec = new JsonObject();
        var replicas = (obj["spec"]?["replicas"] as JsonValue)?.TryGetValue<int>(out var r) == true ? r : 0;
        if (replicas != 0)
        {
            spec["replicas"] = replicas;
        }

        var status = new JsonObject
        {
            ["replicas"] = (obj["status"]?["replicas"] as JsonValue)?.TryGetValue<int>(out var s) == true ? s : 0,
        };
        var selector = Selector(type, obj["spec"]?["selector"]);
        if (selector.Length > 0)
        {
            status["selector"] = selector;
        }

        return new JsonObject
        {
            ["kind"] = "Scale",
            ["apiVersion"] = "autoscaling/v1",
            ["metadata"] = scaleMeta,
            ["spec"] = spec,
            ["status"] = status,
        };
    }

    /// <summary>Sets spec.replicas; <paramref name="precondition"/> ("" for none) becomes the update's resourceVersion.</summary>
    private static JsonObject Resize(JsonObject current, int replicas, string precondition)
    {
        if (current["spec"] is not JsonObject spec)
        {
            spec = new JsonObject();
            current["spec"] = spec;
        }

        spec["replicas"] = replicas;
        var meta = ObjectMetadata.Of(current);
        if (precondition.Length > 0)
        {
            meta["resourceVersion"] = precondition;
        }
        else
        {
            meta.Remove("resourceVersion");
        }

        return current;
    }

    /// <summary>A label selector (workloads) or a plain label map (replication controllers) in string form.</summary>
    private static string Selector(ResourceType type, JsonNode? selector) =>
        type.Kind == "ReplicationController"
            ? LabelSelectorText.SelectorOrEmpty(new JsonObject { ["matchLabels"] = selector?.DeepClone() })
            : LabelSelectorText.SelectorOrEmpty(selector);

    private static int Replicas(JsonObject scale, string name)
    {
        var node = scale["spec"]?["replicas"];
        if (node is null)
        {
            return 0;
        }

        if (node is not JsonValue value || !value.TryGetValue<int>(out var replicas))
        {
            throw ApiException.Invalid("autoscaling", "Scale", name, [FieldError.Invalid("spec.replicas", node.ToJsonString(), "must be an integer")]);
        }

        if (replicas < 0)
        {
            throw ApiException.Invalid("autoscaling", "Scale", name,
                [FieldError.Invalid("spec.replicas", replicas.ToString(System.Globalization.CultureInfo.InvariantCulture), "must be greater than or equal to 0")]);
        }

        return replicas;
    }

    private static void CheckKind(JsonObject scale)
    {
        if (scale["kind"] is JsonValue kind && kind.TryGetValue<string>(out var text) && text.Length > 0 && text != "Scale")
        {
            throw ApiException.BadRequest($"the kind in the data ({text}) does not match the expected kind (Scale)");
        }
    }
}
