using System.Text.Json.Nodes;
using SuperKube.Apply;
using SuperKube.Objects;
using SuperKube.Patching;
using SuperKube.Registry;
using SuperKube.Resources;
using SuperKube.Validation;

namespace SuperKube.Api;

/// <summary>
/// PATCH in the content types kubectl sends: JSON patch (RFC 6902), JSON merge patch (RFC 7386), strategic merge
/// patch (built-in kinds only; 415 for others, as upstream) and server-side apply (which creates a missing object).
/// The patched object then takes the update path, so a stale resourceVersion in the result is a 409.
/// </summary>
internal sealed class PatchHandler(ResourceWriter writer, ResourceReader reader, TimeProvider time)
{
    /// <summary>
    /// Validates the PatchOptions of a request, as upstream: <c>force</c> only with apply, and apply needs an explicit
    /// <c>fieldManager</c> (422 Invalid PatchOptions).
    /// </summary>
    public static void CheckOptions(string contentType, bool? force, bool fieldManagerGiven)
    {
        var errors = new List<FieldError>();
        if (contentType != MediaTypes.ApplyPatchYaml && force is not null)
        {
            errors.Add(FieldError.Forbidden("force", "may not be specified for non-apply patch"));
        }

        if (contentType == MediaTypes.ApplyPatchYaml && !fieldManagerGiven)
        {
            errors.Add(FieldError.Required("fieldManager", "is required for apply patch"));
        }

        if (errors.Count > 0)
        {
            throw ApiException.Invalid("meta.k8s.io", "PatchOptions", "", errors);
        }
    }

    public Task<WriteResult> PatchAsync(
        ResourceType type, string ns, string name, string subresource, string contentType, byte[] body,
        bool? force, WriteContext context, CancellationToken cancellationToken)
    {
        CheckOptions(contentType, force, fieldManagerGiven: context.FieldManager.Length > 0);
        if (contentType == MediaTypes.ApplyPatchYaml)
        {
            return ApplyAsync(type, ns, name, subresource, body, force ?? false, context, cancellationToken);
        }

        Func<JsonObject, JsonObject> patch = contentType switch
        {
            MediaTypes.JsonPatch => current => Run(() => JsonPatch.Apply(current, body)),
            MediaTypes.MergePatch => current => Run(() => JsonMergePatch.Apply(current, body) as JsonObject
                ?? throw ApiException.BadRequest("a merge patch must produce a JSON object")),
            MediaTypes.StrategicMergePatch => StrategicPatch(type, body),
            _ => throw ApiException.UnsupportedMediaType(contentType),
        };
        // The object being patched carries its own resourceVersion; only a patch that names one makes it a precondition
        // (409 when stale). Otherwise a concurrent write is retried, as upstream does for patches.
        var pinsVersion = body.AsSpan().IndexOf("resourceVersion"u8) >= 0;
        return writer.UpdateAsync(type, ns, name, subresource, current =>
        {
            var patched = CheckFields(type, current, patch(current), context);
            if (!pinsVersion)
            {
                ObjectMetadata.Of(patched).Remove("resourceVersion");
            }

            return patched;
        }, context, cancellationToken);
    }

    private async Task<WriteResult> ApplyAsync(
        ResourceType type, string ns, string name, string subresource, byte[] body, bool force, WriteContext context, CancellationToken cancellationToken)
    {
        var duplicates = new List<string>();
        var config = RequestBody.ParseObject(body, MediaTypes.ApplyPatchYaml, duplicates);
        var problems = StrictFields.Problems(type, config, duplicates, apply: true);
        StrictFields.Enforce(problems, context, message => $"failed to create typed patch object ({ns}/{name}; {type.ApiVersion}, Kind={type.Kind}): {message}", prefix: "");
        ServerSideApply.CheckConfig(type, config);
        var apply = context.ForApply();
        if (subresource.Length == 0 && await reader.FindAsync(type, ns, name, cancellationToken).ConfigureAwait(false) is null)
        {
            var created = ServerSideApply.Apply(type, null, Bound(type, config, ns, name), "", context.FieldManager, force, time.GetUtcNow());
            try
            {
                return await writer.CreateAsync(type, ns, created, apply, cancellationToken).ConfigureAwait(false);
            }
            catch (ApiException ex) when (ex.Reason == "AlreadyExists")
            {
                // Created concurrently: apply to what is there now.
            }
        }

        return await writer.UpdateAsync(
            type, ns, name, subresource,
            current => ServerSideApply.Apply(type, current, Bound(type, config, ns, name), subresource, context.FieldManager, force, time.GetUtcNow()),
            apply, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A copy of the configuration with kind checked and name and namespace taken from the URL.</summary>
    private static JsonObject Bound(ResourceType type, JsonObject config, string ns, string name)
    {
        var copy = config.DeepClone().AsObject();
        ObjectPreparation.BindToEndpoint(type, copy, ns, name);
        return copy;
    }

    /// <summary>Applies <c>fieldValidation</c> to fields a patch introduced that the schema does not declare.</summary>
    private static JsonObject CheckFields(ResourceType type, JsonObject current, JsonObject patched, WriteContext context)
    {
        if (context.FieldValidation != FieldValidation.Ignore)
        {
            StrictFields.Enforce(StrictFields.Problems(type, patched, [], () => current), context, message => message);
        }

        return patched;
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
