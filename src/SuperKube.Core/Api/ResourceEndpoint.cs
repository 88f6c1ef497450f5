using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SuperKube.Objects;
using SuperKube.Registry;
using SuperKube.Resources;
using SuperKube.Security;
using SuperKube.Streaming;

namespace SuperKube.Api;

/// <summary>
/// Serves resource requests (<c>/api/v1/...</c>, <c>/apis/G/V/...</c>): maps method and path to a verb, authorizes it
/// and runs it against the reader (GET, LIST, WATCH) or the writer (create, update, patch, delete).
/// </summary>
internal sealed class ResourceEndpoint(
    IResourceRegistry registry,
    ResourceReader reader,
    ResourceWriter writer,
    WatchResponder watches,
    PatchHandler patches,
    SubresourceWriter subresources,
    ReviewResources reviews,
    CustomResources.CustomResourceScale customScale,
    IAuthorizer authorizer,
    TimeProvider time)
{
    private readonly ScaleSubresource _scales = new(reader, writer);
    private readonly PodStreamEndpoint _streams = new(reader, time);

    public async Task HandleAsync(HttpContext context, RequestInfo info, UserInfo user)
    {
        var type = registry.Find(info.Group, info.Version, info.Resource) ?? throw NotFoundPath();
        if (info.Subresource.Length > 0 && !type.HasSubresource(info.Subresource))
        {
            throw NotFoundPath();
        }

        if (type.DeprecationWarning is { } deprecation)
        {
            context.Response.Headers.Append("Warning", $"299 - \"{deprecation.Replace("\"", "\\\"", StringComparison.Ordinal)}\"");
        }

        var request = context.Request;
        var hasName = info.Name.Length > 0;
        var watch = info.WatchPath || QueryOptions.IsWatch(request.Query);
        var verb = request.Method switch
        {
            "GET" when watch => "watch",
            "GET" => hasName ? "get" : "list",
            "POST" => "create",
            "PUT" => "update",
            "PATCH" => "patch",
            "DELETE" => hasName ? "delete" : "deletecollection",
            _ => throw new ApiException(405, "MethodNotAllowed", $"the server does not allow this method on the requested resource"),
        };
        if ((verb is "update" or "patch" or "delete" && !hasName) || (verb == "create" && hasName && info.Subresource.Length == 0))
        {
            throw new ApiException(405, "MethodNotAllowed", "the server does not allow this method on the requested resource");
        }

        if (!type.Verbs.Contains(verb) && info.Subresource.Length == 0)
        {
            throw ApiException.MethodNotAllowed(verb, type);
        }

        if (type.IsNamespaced && info.Namespace.Length == 0 && verb is "create" or "update" or "patch" or "delete" or "get")
        {
            throw NotFoundPath();
        }

        var attributes = new AuthorizationAttributes(user, verb, type.Group, type.Plural, info.Subresource, info.Namespace, info.Name, true, request.Path);
        Security.Audit.AuditRecord.Of(context)?.Describe(attributes, info.Version);
        if (await authorizer.AuthorizeAsync(attributes, context.RequestAborted).ConfigureAwait(false) is { } denial)
        {
            throw ForbiddenMessage.Exception(attributes, denial);
        }

        var ns = type.IsNamespaced ? info.Namespace : "";
        if (hasName && PodStreamEndpoint.Handles(type, info.Subresource))
        {
            await _streams.HandleAsync(context, type, ns, info.Name, info.Subresource).ConfigureAwait(false);
            return;
        }

        if (info.Subresource == "scale" && type.Scale is not null)
        {
            await customScale.HandleAsync(context, type, ns, info.Name, verb, QueryOptions.Write(context, user)).ConfigureAwait(false);
            return;
        }

        switch (verb)
        {
            case "get" or "update" or "patch" when info.Subresource == ScaleSubresource.Name:
                await ScaleAsync(context, type, ns, info, user, verb).ConfigureAwait(false);
                break;
            case "get":
                await GetAsync(context, type, ns, info.Name).ConfigureAwait(false);
                break;
            case "list":
                await ListAsync(context, type, info.Namespace.Length == 0 ? null : ns).ConfigureAwait(false);
                break;
            case "watch":
                await WatchAsync(context, type, info.Namespace.Length == 0 ? null : ns, info.Name).ConfigureAwait(false);
                break;
            case "create" when info.Subresource.Length > 0:
                await CreateSubresourceAsync(context, type, ns, info, user).ConfigureAwait(false);
                break;
            case "create":
                await CreateAsync(context, type, ns, user).ConfigureAwait(false);
                break;
            case "update":
                await UpdateAsync(context, type, ns, info, user).ConfigureAwait(false);
                break;
            case "patch":
                await PatchAsync(context, type, ns, info, user).ConfigureAwait(false);
                break;
            case "delete":
                await DeleteAsync(context, type, ns, info.Name, user).ConfigureAwait(false);
                break;
            default:
                await DeleteCollectionAsync(context, type, info.Namespace.Length == 0 ? null : ns, user).ConfigureAwait(false);
                break;
        }
    }

    public static ApiException NotFoundPath() =>
        new(404, "NotFound", "the server could not find the requested resource", new JsonObject());

    private async Task GetAsync(HttpContext context, ResourceType type, string ns, string name)
    {
        var obj = await reader.GetAsync(type, ns, name, context.RequestAborted).ConfigureAwait(false);
        if (MediaTypes.WantsTable(context.Request))
        {
            var include = TableResponses.ParseInclude(context.Request.Query["includeObject"]);
            var table = TableResponses.Build(type, [obj], time.GetUtcNow(), include, Revision(obj.Revision), "");
            await Responses.WriteJsonAsync(context, 200, table, MediaTypes.Table).ConfigureAwait(false);
            return;
        }

        await Responses.WriteJsonAsync(context, 200, obj.Json).ConfigureAwait(false);
    }

    private async Task ScaleAsync(HttpContext context, ResourceType type, string ns, RequestInfo info, UserInfo user, string verb)
    {
        var write = QueryOptions.Write(context, user);
        var scale = verb switch
        {
            "get" => _scales.Get(type, ns, info.Name),
            "update" => await _scales.UpdateAsync(type, ns, info.Name, await ReadObjectAsync(context).ConfigureAwait(false), write, context.RequestAborted)
                .ConfigureAwait(false),
            _ => await _scales.PatchAsync(type, ns, info.Name, MediaTypes.ContentType(context.Request),
                await RequestBody.ReadAsync(context.Request, context.RequestAborted).ConfigureAwait(false), write, context.RequestAborted).ConfigureAwait(false),
        };
        await WriteResultAsync(context, write, 200, JsonBytes.From(scale)).ConfigureAwait(false);
    }

    private async Task ListAsync(HttpContext context, ResourceType type, string? ns)
    {
        var options = QueryOptions.List(context.Request.Query);
        var result = await reader.ListAsync(type, ns, options, context.RequestAborted).ConfigureAwait(false);
        if (MediaTypes.WantsTable(context.Request))
        {
            var include = TableResponses.ParseInclude(context.Request.Query["includeObject"]);
            var table = TableResponses.Build(type, result.Items, time.GetUtcNow(), include, Revision(result.Revision), result.Continue);
            await Responses.WriteJsonAsync(context, 200, table, MediaTypes.Table).ConfigureAwait(false);
            return;
        }

        await Responses.WriteListAsync(context, type, result.Items, result.Revision, result.Continue, result.RemainingItemCount).ConfigureAwait(false);
    }

    private async Task WatchAsync(HttpContext context, ResourceType type, string? ns, string name)
    {
        var options = QueryOptions.List(context.Request.Query);
        if (name.Length > 0)
        {
            var byName = $"metadata.name={name}";
            options = options with { FieldSelector = options.FieldSelector.Length == 0 ? byName : options.FieldSelector + "," + byName };
        }

        var filter = ObjectFilter.Create(type, options);
        var include = TableResponses.ParseInclude(context.Request.Query["includeObject"]);
        var asTable = MediaTypes.WantsTable(context.Request);
        using var watcher = await reader.WatchAsync(type, ns, options, context.RequestAborted).ConfigureAwait(false);
        await watches.StreamAsync(context, type, watcher, filter, options, asTable, include, () => reader.CurrentRevision).ConfigureAwait(false);
    }

    private async Task CreateAsync(HttpContext context, ResourceType type, string ns, UserInfo user)
    {
        var write = QueryOptions.Write(context, user);
        if (type.IsVirtual)
        {
            var body = await ReadObjectAsync(context).ConfigureAwait(false);
            var review = await reviews.CreateAsync(type, ns, body, user, context.RequestAborted).ConfigureAwait(false);
            await WriteResultAsync(context, write, 201, JsonBytes.From(review)).ConfigureAwait(false);
            return;
        }

        var obj = await ReadCheckedObjectAsync(context, type, write, null).ConfigureAwait(false);
        var result = await writer.CreateAsync(type, ns, obj, write, context.RequestAborted).ConfigureAwait(false);
        await WriteResultAsync(context, write, result.Created ? 201 : 200, result.Json).ConfigureAwait(false);
    }

    private async Task CreateSubresourceAsync(HttpContext context, ResourceType type, string ns, RequestInfo info, UserInfo user)
    {
        var write = QueryOptions.Write(context, user);
        var body = await ReadObjectAsync(context).ConfigureAwait(false);
        var result = await subresources.CreateAsync(type, ns, info.Name, info.Subresource, body, write, context.RequestAborted).ConfigureAwait(false);
        await WriteResultAsync(context, write, 201, JsonBytes.From(result)).ConfigureAwait(false);
    }

    private async Task UpdateAsync(HttpContext context, ResourceType type, string ns, RequestInfo info, UserInfo user)
    {
        var write = QueryOptions.Write(context, user);
        var current = await reader.FindAsync(type, ns, info.Name, context.RequestAborted).ConfigureAwait(false);
        var obj = await ReadCheckedObjectAsync(context, type, write, () => current?.Parse()).ConfigureAwait(false);
        var result = await writer.UpdateAsync(type, ns, info.Name, info.Subresource, _ => obj.DeepClone().AsObject(), write, context.RequestAborted)
            .ConfigureAwait(false);
        await WriteResultAsync(context, write, 200, result.Json).ConfigureAwait(false);
    }

    private async Task PatchAsync(HttpContext context, ResourceType type, string ns, RequestInfo info, UserInfo user)
    {
        var write = QueryOptions.Write(context, user);
        var body = await RequestBody.ReadAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        var contentType = MediaTypes.ContentType(context.Request);
        bool? force = context.Request.Query.TryGetValue("force", out var forceText) ? forceText == "true" : null;
        PatchHandler.CheckOptions(contentType, force, context.Request.Query["fieldManager"].ToString().Length > 0);
        var result = await patches.PatchAsync(type, ns, info.Name, info.Subresource, contentType, body, force, write, context.RequestAborted)
            .ConfigureAwait(false);
        await WriteResultAsync(context, write, result.Created ? 201 : 200, result.Json).ConfigureAwait(false);
    }

    private async Task DeleteAsync(HttpContext context, ResourceType type, string ns, string name, UserInfo user)
    {
        var body = await ReadOptionalObjectAsync(context).ConfigureAwait(false);
        var write = QueryOptions.Write(context, user, body);
        var options = QueryOptions.Delete(context.Request.Query, body);
        var result = await writer.DeleteAsync(type, ns, name, options, write, context.RequestAborted).ConfigureAwait(false);
        if (result.Deleted && !type.ReturnDeletedObject)
        {
            var deleted = JsonNode.Parse(result.Json.Span)?.AsObject() ?? new JsonObject();
            await WriteResultAsync(context, write, 200, JsonBytes.From(Responses.SuccessStatus(type, name, ObjectMetadata.Uid(deleted)))).ConfigureAwait(false);
            return;
        }

        await WriteResultAsync(context, write, 200, result.Json).ConfigureAwait(false);
    }

    private async Task DeleteCollectionAsync(HttpContext context, ResourceType type, string? ns, UserInfo user)
    {
        var body = await ReadOptionalObjectAsync(context).ConfigureAwait(false);
        var write = QueryOptions.Write(context, user, body);
        var options = QueryOptions.Delete(context.Request.Query, body);
        var list = await reader.ListAsync(type, ns, QueryOptions.List(context.Request.Query) with { Limit = 0, Continue = "" }, context.RequestAborted)
            .ConfigureAwait(false);
        var items = new JsonArray();
        foreach (var item in list.Items)
        {
            try
            {
                var result = await writer.DeleteAsync(type, item.Key.Namespace, item.Key.Name, options, write, context.RequestAborted).ConfigureAwait(false);
                items.Add(JsonNode.Parse(result.Json.Span));
            }
            catch (ApiException ex) when (ex.Code == 404)
            {
                // Deleted concurrently: nothing left to do for it.
            }
        }

        var response = new JsonObject
        {
            ["kind"] = type.Kind + "List",
            ["apiVersion"] = type.ApiVersion,
            ["metadata"] = new JsonObject { ["resourceVersion"] = Revision(reader.CurrentRevision) },
            ["items"] = items,
        };
        await Responses.WriteJsonAsync(context, 200, response).ConfigureAwait(false);
    }

    private static async Task<JsonObject> ReadObjectAsync(HttpContext context)
    {
        var contentType = MediaTypes.ContentType(context.Request);
        var body = await RequestBody.ReadAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        return RequestBody.ParseObject(body, contentType);
    }

    /// <summary>Reads an object body and applies <c>fieldValidation</c> to its unknown and duplicate fields.</summary>
    private static async Task<JsonObject> ReadCheckedObjectAsync(HttpContext context, ResourceType type, WriteContext write, Func<JsonObject?>? existing)
    {
        var contentType = MediaTypes.ContentType(context.Request);
        var body = await RequestBody.ReadAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        var duplicates = new List<string>();
        var obj = RequestBody.ParseObject(body, contentType, duplicates);
        if (write.FieldValidation != FieldValidation.Ignore)
        {
            StrictFields.Enforce(StrictFields.Problems(type, obj, duplicates, existing), write, StrictFields.DecodeError(type));
        }

        return obj;
    }

    private static async Task<JsonObject?> ReadOptionalObjectAsync(HttpContext context)
    {
        var body = await RequestBody.ReadAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        return body.Length == 0 ? null : RequestBody.ParseObject(body, MediaTypes.ContentType(context.Request));
    }

    private static Task WriteResultAsync(HttpContext context, WriteContext write, int status, ReadOnlyMemory<byte> json)
    {
        foreach (var warning in write.Warnings)
        {
            context.Response.Headers.Append("Warning", $"299 - \"{warning.Replace("\"", "\\\"", StringComparison.Ordinal)}\"");
        }

        return Responses.WriteJsonAsync(context, status, json);
    }

    private static string Revision(long revision) => revision.ToString(CultureInfo.InvariantCulture);
}
