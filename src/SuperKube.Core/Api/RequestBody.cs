using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SuperKube.Objects;

namespace SuperKube.Api;

/// <summary>Reads request bodies: bounded in size (413 past the limit) and decoded by content type.</summary>
internal static class RequestBody
{
    /// <summary>The largest body accepted, as the real server: 3 MiB.</summary>
    public const int MaxBytes = 3 * 1024 * 1024;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 256, AllowDuplicateProperties = false };

    public static async Task<byte[]> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await ReadBoundedAsync(request, cancellationToken).ConfigureAwait(false);
        Security.Audit.AuditRecord.Of(request.HttpContext)?.KeepRequestBody(body, MediaTypes.ContentType(request));
        return body;
    }

    private static async Task<byte[]> ReadBoundedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            throw ApiException.TooLarge(MaxBytes);
        }

        if (request.ContentLength is { } length)
        {
            // Kestrel never hands out more than Content-Length bytes: read straight into an array of that size.
            var body = new byte[length];
            var filled = 0;
            while (filled < body.Length)
            {
                var count = await request.Body.ReadAsync(body.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                if (count == 0)
                {
                    return body[..filled];
                }

                filled += count;
            }

            return body;
        }

        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var memory = buffer.GetMemory(8192);
            var read = await request.Body.ReadAsync(memory, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > MaxBytes)
            {
                throw ApiException.TooLarge(MaxBytes);
            }
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Decodes an object body (JSON or YAML); 400 when malformed or not an object, 415 for other types.</summary>
    public static JsonObject ParseObject(byte[] body, string contentType) => ParseObject(body, contentType, null);

    /// <summary>
    /// Decodes an object body. With <paramref name="duplicates"/>, a JSON key given twice keeps its last value and its
    /// path is collected (for <c>fieldValidation</c>); without, it is a 400.
    /// </summary>
    public static JsonObject ParseObject(byte[] body, string contentType, List<string>? duplicates)
    {
        if (contentType == MediaTypes.Protobuf)
        {
            return DecodeProtobuf(body);
        }

        var node = duplicates is not null && IsJson(body, contentType) ? ParseLenient(body, duplicates) : Parse(body, contentType);
        return node as JsonObject ?? throw ApiException.BadRequest("the request body must be a JSON object");
    }

    private static JsonObject DecodeProtobuf(byte[] body)
    {
        try
        {
            return Protobuf.ProtobufDecoder.Decode(body);
        }
        catch (Protobuf.ProtobufDecodeException ex)
        {
            throw new ApiException(ex.StatusCode, ex.IsUnsupportedType ? "UnsupportedMediaType" : "BadRequest", ex.Message);
        }
    }

    /// <summary>True for JSON bodies, including JSON sent as YAML (server-side apply bodies from kubectl are JSON).</summary>
    private static bool IsJson(byte[] body, string contentType) => contentType switch
    {
        MediaTypes.Json or "*/*" => true,
        MediaTypes.Yaml or "text/yaml" or MediaTypes.ApplyPatchYaml => body.AsSpan().TrimStart(" \t\r\n"u8) is [(byte)'{', ..],
        _ => false,
    };

    private static JsonNode? ParseLenient(byte[] body, List<string> duplicates)
    {
        if (body.Length == 0)
        {
            throw ApiException.BadRequest("the request body is empty");
        }

        try
        {
            return LenientJson.Parse(body, duplicates);
        }
        catch (JsonException ex)
        {
            throw ApiException.BadRequest($"error decoding request body: {ex.Message}");
        }
    }

    /// <summary>Decodes any JSON or YAML value.</summary>
    public static JsonNode? Parse(byte[] body, string contentType)
    {
        if (body.Length == 0)
        {
            throw ApiException.BadRequest("the request body is empty");
        }

        try
        {
            return contentType switch
            {
                MediaTypes.Yaml or "text/yaml" or MediaTypes.ApplyPatchYaml => YamlJson.Parse(Encoding.UTF8.GetString(body)),
                MediaTypes.Json or MediaTypes.JsonPatch or MediaTypes.MergePatch or MediaTypes.StrategicMergePatch or "*/*" =>
                    JsonNode.Parse(body, documentOptions: DocumentOptions),
                _ => throw ApiException.UnsupportedMediaType(contentType),
            };
        }
        catch (JsonException ex)
        {
            throw ApiException.BadRequest($"error decoding request body: {ex.Message}");
        }
        catch (Exception ex) when (ex is YamlDotNet.Core.YamlException or FormatException or ArgumentException)
        {
            throw ApiException.BadRequest($"error decoding request body: {ex.Message}");
        }
    }
}
