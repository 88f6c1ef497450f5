using System.Text.Json.Nodes;
using SuperKube.Patching;
using SuperKube.Registry;
using SuperKube.Resources;

namespace SuperKube.Api;

/// <summary>
/// PATCH in the content types kubectl sends: JSON patch (RFC 6902), JSON merge patch (RFC 7386) and strategic
/// merge patch (built-in kinds only; 415 for others, as upstream). The patched object then takes the update path,
/// so a stale resourceVersion in the result is a 409.
/// </summary>
internal sealed class PatchHandler(ResourceWriter writer)
{
    public Task<WriteResult> PatchAsync(
        ResourceType type, string ns, string name, string subresource, string contentType, byte[] body,
        bool? force, WriteContext context, CancellationToken cancellationToken)
    {
        if (force is not null && contentType != MediaTypes.ApplyPatchYaml)
        {
            throw ApiException.Invalid("meta.k8s.io", "PatchOptions", "", [
                Validation.FieldError.Forbidden("force", "may not be specified for non-apply patch")]);
        }

        Func<JsonObject, JsonObject> produce = contentType switch
        {
            MediaTypes.JsonPatch => current => Run(() => JsonPatch.Apply(current, body)),
            MediaTypes.MergePatch => current => Run(() => JsonMergePatch.Apply(current, body) as JsonObject
                ?? throw ApiException.BadRequest("a merge patch must produce a JSON object")),
            MediaTypes.StrategicMergePatch => StrategicPatch(type, body),
            _ => throw ApiException.UnsupportedMediaType(contentType),
        };
        return writer.UpdateAsync(type, ns, name, subresource, produce, context, cancellationToken);
    }

    private static Func<JsonObject, JsonObject> StrategicPatch(ResourceType type, byte[] body)
    {
        var schema = PatchSchemas.For(type.Group, type.Kind)
            ?? throw new ApiException(415, "UnsupportedMediaType",
                $"the body of the request was in an unknown format - accepted media types include: {MediaTypes.JsonPatch}, {MediaTypes.MergePatch}, {MediaTypes.ApplyPatchYaml}");
        return current => Run(() => StrategicMergePatch.Apply(current, body, schema));
    }

    internal static JsonObject Run(Func<JsonObject> patch)
    {
        try
        {
            return patch();
        }
        catch (PatchException ex)
        {
            throw new ApiException(ex.StatusCode, ex.StatusReason, ex.Reason == PatchErrorReason.BadRequest ? ex.Message : $"{ex.StatusMessage}: {ex.Message}");
        }
    }
}
