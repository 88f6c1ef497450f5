using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SuperKube.Api;
using SuperKube.Objects;
using SuperKube.Patching;
using SuperKube.Registry;
using SuperKube.Resources;

namespace SuperKube.CustomResources;

/// <summary>
/// The <c>scale</c> subresource of custom resources: an autoscaling/v1 Scale read from and written to the paths the
/// CRD names (<see cref="ScaleInfo"/>). GET, PUT (a resourceVersion in the Scale is a precondition) and PATCH (JSON
/// and merge patch) work, so <c>kubectl scale</c> and HorizontalPodAutoscalers can drive custom resources.
/// </summary>
internal sealed class CustomResourceScale(ResourceReader reader, ResourceWriter writer)
{
    /// <summary>Serves a request to <c>.../NAME/scale</c> of a resource with <see cref="ResourceType.Scale"/> set.</summary>
    public async Task HandleAsync(HttpContext context, ResourceType type, string ns, string name, string verb, WriteContext write)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(type);
        JsonObject result;
        switch (verb)
        {
            case "get":
                result = Get(type, ns, name);
                break;
            case "update":
            {
                var body = await RequestBody.ReadAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
                var scale = RequestBody.ParseObject(body, MediaTypes.ContentType(context.Request));
                result = await UpdateAsync(type, ns, name, _ => scale, write, context.RequestAborted).ConfigureAwait(false);
                break;
            }

            case "patch":
            {
                var body = await RequestBody.ReadAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
                var patch = Patch(MediaTypes.ContentType(context.Request), body);
                result = await UpdateAsync(type, ns, name, patch, write, context.RequestAborted).ConfigureAwait(false);
                break;
            }

            default:
                throw ApiException.MethodNotAllowed(verb, type);
        }

        await Responses.WriteJsonAsync(context, 200, result).ConfigureAwait(false);
    }

    /// <summary>The Scale of a custom resource.</summary>
    public JsonObject Get(ResourceType type, string ns, string name) => ToScale(type, reader.Get(type, ns, name).Parse());

    /// <summary>Changes the desired replicas through <paramref name="change"/>, which maps the current Scale to the wanted one.</summary>
    public async Task<JsonObject> UpdateAsync(
        ResourceType type, string ns, string name, Func<JsonObject, JsonObject> change, WriteContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(type);
        var info = type.Scale ?? throw ResourceEndpoint.NotFoundPath();
        var result = await writer.UpdateAsync(type, ns, name, "", current =>
        {
            var wanted = change(ToScale(type, current));
            if (wanted["spec"]?["replicas"] is not JsonValue replicas || replicas.GetValueKind() != JsonValueKind.Number)
            {
                throw ApiException.Invalid("autoscaling", "Scale", name, [Validation.FieldError.Required("spec.replicas")]);
            }

            if (GoNumber.ToDouble(replicas) < 0)
            {
                throw ApiException.Invalid("autoscaling", "Scale", name, [
                    Validation.FieldError.Invalid("spec.replicas", replicas.ToJsonString(), "must be greater than or equal to 0")]);
            }

            Set(current, info.SpecReplicasPath, replicas.DeepClone());
            var meta = ObjectMetadata.Of(current);
            meta.Remove("resourceVersion");
            if (wanted["metadata"]?["resourceVersion"] is JsonValue rv && rv.TryGetValue<string>(out var version) && version.Length > 0)
            {
                meta["resourceVersion"] = version;
            }

            return current;
        }, context, cancellationToken).ConfigureAwait(false);
        return ToScale(type, JsonNode.Parse(result.Json.Span)?.AsObject() ?? []);
    }

    /// <summary>The Scale view of a custom resource.</summary>
    public static JsonObject ToScale(ResourceType type, JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(obj);
        var info = type.Scale ?? throw ResourceEndpoint.NotFoundPath();
        var meta = ObjectMetadata.Of(obj);
        var metadata = new JsonObject();
        foreach (var field in new[] { "name", "namespace", "uid", "resourceVersion", "creationTimestamp" })
        {
            if (meta[field] is { } value)
            {
                metadata[field] = value.DeepClone();
            }
        }

        var status = new JsonObject { ["replicas"] = Replicas(obj, info.StatusReplicasPath) };
        if (info.LabelSelectorPath is { } selectorPath && Path(selectorPath).First(obj) is JsonValue selector && selector.TryGetValue<string>(out var text))
        {
            status["selector"] = text;
        }

        return new JsonObject
        {
            ["kind"] = "Scale",
            ["apiVersion"] = "autoscaling/v1",
            ["metadata"] = metadata,
            ["spec"] = new JsonObject { ["replicas"] = Replicas(obj, info.SpecReplicasPath) },
            ["status"] = status,
        };
    }

    private static long Replicas(JsonObject obj, string path) =>
        GoNumber.ToLong(Path(path).First(obj)) ?? 0;

    private static SimpleJsonPath Path(string path) => SimpleJsonPath.Parse(path);

    // Writes a value at a plain field path (.spec.replicas), creating the objects on the way.
    private static void Set(JsonObject obj, string path, JsonNode value)
    {
        var fields = Path(path).Fields;
        var target = obj;
        foreach (var field in fields.Take(fields.Count - 1))
        {
            if (target[field] is not JsonObject next)
            {
                next = [];
                target[field] = next;
            }

            target = next;
        }

        target[fields[^1]] = value;
    }

    private static Func<JsonObject, JsonObject> Patch(string contentType, byte[] body) => contentType switch
    {
        MediaTypes.JsonPatch => scale => Run(() => JsonPatch.Apply(scale, body)),
        // A Scale has no lists, so a strategic merge patch is a merge patch.
        MediaTypes.MergePatch or MediaTypes.StrategicMergePatch => scale => Run(() => JsonMergePatch.Apply(scale, body) as JsonObject
            ?? throw ApiException.BadRequest("a merge patch must produce a JSON object")),
        _ => throw ApiException.UnsupportedMediaType(contentType),
    };

    private static JsonObject Run(Func<JsonObject> patch)
    {
        try
        {
            return patch();
        }
        catch (PatchException ex)
        {
            throw new ApiException(ex.StatusCode, ex.StatusReason, ex.Message);
        }
    }
}
