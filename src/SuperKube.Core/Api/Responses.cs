using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SuperKube.Objects;
using SuperKube.Registry;
using SuperKube.WatchCache;

namespace SuperKube.Api;

/// <summary>Writes API responses: stored JSON bytes as they are, lists assembled from them, and Status objects.</summary>
internal static class Responses
{
    private static readonly byte[] ItemsOpen = "\"items\":["u8.ToArray();
    private static readonly byte[] ListClose = "]}"u8.ToArray();

    public static Task WriteJsonAsync(HttpContext context, int status, ReadOnlyMemory<byte> json, string contentType = MediaTypes.Json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = json.Length;
        return context.Response.Body.WriteAsync(json, context.RequestAborted).AsTask();
    }

    public static Task WriteJsonAsync(HttpContext context, int status, JsonNode node, string contentType = MediaTypes.Json) =>
        WriteJsonAsync(context, status, JsonBytes.From(node), contentType);

    public static Task WriteStatusAsync(HttpContext context, ApiException error)
    {
        if (Security.Audit.AuditRecord.Of(context) is { } audit)
        {
            audit.Failure = error;
        }

        if (error.Headers is not null)
        {
            foreach (var (name, value) in error.Headers)
            {
                context.Response.Headers[name] = value;
            }
        }

        return WriteJsonAsync(context, error.Code, error.ToStatus());
    }

    /// <summary>The success Status returned by deletes of most kinds.</summary>
    public static JsonObject SuccessStatus(ResourceType type, string name, string uid)
    {
        var details = new JsonObject { ["name"] = name };
        if (type.Group.Length > 0)
        {
            details["group"] = type.Group;
        }

        details["kind"] = type.Plural;
        details["uid"] = uid;
        return new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Success",
            ["details"] = details,
        };
    }

    /// <summary>Writes <c>{"kind":"PodList",...,"items":[...]}</c> by concatenating the stored objects.</summary>
    public static async Task WriteListAsync(
        HttpContext context, ResourceType type, IReadOnlyList<CachedObject> items, long revision, string continueToken, long? remaining)
    {
        var head = new StringBuilder(128)
            .Append("{\"kind\":\"").Append(type.Kind).Append("List\",\"apiVersion\":\"").Append(type.ApiVersion)
            .Append("\",\"metadata\":{\"resourceVersion\":\"").Append(revision).Append('"');
        if (continueToken.Length > 0)
        {
            head.Append(",\"continue\":\"").Append(continueToken).Append('"');
            if (remaining is { } count)
            {
                head.Append(",\"remainingItemCount\":").Append(count);
            }
        }

        head.Append("},");
        var headBytes = Encoding.UTF8.GetBytes(head.ToString());
        var length = headBytes.Length + ItemsOpen.Length + ListClose.Length + Math.Max(0, items.Count - 1);
        foreach (var item in items)
        {
            length += item.Json.Length;
        }

        var buffer = new byte[length];
        var offset = 0;
        Append(buffer, ref offset, headBytes);
        Append(buffer, ref offset, ItemsOpen);
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                buffer[offset++] = (byte)',';
            }

            Append(buffer, ref offset, items[i].Json.Span);
        }

        Append(buffer, ref offset, ListClose);
        await WriteJsonAsync(context, 200, buffer).ConfigureAwait(false);
    }

    private static void Append(byte[] buffer, ref int offset, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(buffer.AsSpan(offset));
        offset += bytes.Length;
    }
}
