using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SuperKube.Api;
using SuperKube.Objects;
using SuperKube.Resources;

namespace SuperKube.Client;

/// <summary>
/// <see cref="IKubernetesClient"/> over HTTP against any Kubernetes-compatible API server: JSON bodies, watches
/// as newline-delimited JSON on a chunked response, bearer tokens, and errors from the server's Status bodies.
/// </summary>
internal sealed class HttpKubernetesClient(HttpClient http, string fieldManager = "superkube") : IKubernetesClient
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public IKubernetesClient WithFieldManager(string manager) => new HttpKubernetesClient(http, manager);

    public async Task<JsonObject?> GetAsync(ApiResource resource, string? ns, string name, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Path(resource, ns, name, ""));
        try
        {
            return await SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException ex) when (ex.Code == 404)
        {
            return null;
        }
    }

    public async Task<ObjectList> ListAsync(ApiResource resource, string? ns, ListOptions? options, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Path(resource, ns, "", "") + Query(options, watch: false));
        var list = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        var items = (list["items"] as JsonArray ?? []).OfType<JsonObject>().Select(i => i.DeepClone().AsObject()).ToList();
        var meta = list["metadata"] as JsonObject;
        return new ObjectList((string?)meta?["resourceVersion"] ?? "", items, (string?)meta?["continue"] ?? "");
    }

    public async IAsyncEnumerable<WatchEvent> WatchAsync(
        ApiResource resource, string? ns, ListOptions? options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Path(resource, ns, "", "") + Query(options, watch: true));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await ErrorAsync(response, cancellationToken).ConfigureAwait(false);
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var reader = new StreamReader(stream, Encoding.UTF8);
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                if (line.Length == 0)
                {
                    continue;
                }

                var e = JsonNode.Parse(line) as JsonObject ?? throw new JsonException("watch event is not an object");
                var type = (string?)e["type"] ?? "";
                var obj = e["object"] as JsonObject ?? [];
                if (type == "ERROR")
                {
                    throw FromStatus(obj, 500);
                }

                yield return new WatchEvent(type, obj.DeepClone().AsObject());
            }
        }
    }

    public Task<JsonObject> CreateAsync(ApiResource resource, string? ns, JsonObject obj, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, Path(resource, ns, "", "") + Manager(), obj, Json, cancellationToken);

    public Task<JsonObject> UpdateAsync(ApiResource resource, string? ns, JsonObject obj, string subresource, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, Path(resource, ns, ObjectMetadata.Name(obj), subresource) + Manager(), obj, Json, cancellationToken);

    public Task<JsonObject> PatchAsync(
        ApiResource resource, string? ns, string name, PatchType type, JsonNode patch, string subresource, CancellationToken cancellationToken)
    {
        var mediaType = type switch
        {
            PatchType.Json => MediaTypes.JsonPatch,
            PatchType.StrategicMerge => MediaTypes.StrategicMergePatch,
            _ => MediaTypes.MergePatch,
        };
        return SendAsync(HttpMethod.Patch, Path(resource, ns, name, subresource) + Manager(), patch, new MediaTypeHeaderValue(mediaType), cancellationToken);
    }

    public Task<JsonObject> CreateSubresourceAsync(
        ApiResource resource, string? ns, string name, string subresource, JsonObject body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, Path(resource, ns, name, subresource) + Manager(), body, Json, cancellationToken);

    public async Task<bool> DeleteAsync(ApiResource resource, string? ns, string name, DeleteOptions? options, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["kind"] = "DeleteOptions", ["apiVersion"] = "v1" };
        if (options?.GracePeriodSeconds is { } grace)
        {
            body["gracePeriodSeconds"] = grace;
        }

        if (options?.PropagationPolicy is { } policy)
        {
            body["propagationPolicy"] = policy;
        }

        if (options?.PreconditionUid is not null || options?.PreconditionResourceVersion is not null)
        {
            body["preconditions"] = new JsonObject { ["uid"] = options.PreconditionUid, ["resourceVersion"] = options.PreconditionResourceVersion };
        }

        try
        {
            await SendAsync(HttpMethod.Delete, Path(resource, ns, name, ""), body, Json, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ApiException ex) when (ex.Code == 404)
        {
            return false;
        }
    }

    private async Task<JsonObject> SendAsync(HttpMethod method, string path, JsonNode body, MediaTypeHeaderValue contentType, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path)
        {
            Content = new ByteArrayContent(JsonBytes.From(body)),
        };
        request.Content.Headers.ContentType = contentType;
        return await SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<JsonObject> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await ErrorAsync(response, cancellationToken).ConfigureAwait(false);
        }

        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return bytes.Length == 0 ? [] : JsonNode.Parse(bytes) as JsonObject ?? [];
    }

    private static async Task<ApiException> ErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var code = (int)response.StatusCode;
        try
        {
            if (JsonNode.Parse(text) is JsonObject { } status && (string?)status["kind"] == "Status")
            {
                return FromStatus(status, code);
            }
        }
        catch (JsonException)
        {
            // Not a Status body: report the raw text below.
        }

        return new ApiException(code, response.ReasonPhrase ?? "Unknown", text.Length > 0 ? text : $"the server responded with HTTP {code}");
    }

    private static ApiException FromStatus(JsonObject status, int fallbackCode)
    {
        var code = status["code"] is JsonValue c && c.TryGetValue<int>(out var n) ? n : fallbackCode;
        return new ApiException(code, (string?)status["reason"] ?? "Unknown", (string?)status["message"] ?? "", status["details"]?.DeepClone() as JsonObject);
    }

    private string Manager() => "?fieldManager=" + Uri.EscapeDataString(fieldManager);

    private static string Path(ApiResource resource, string? ns, string name, string subresource)
    {
        var builder = new StringBuilder(resource.PathPrefix);
        if (!string.IsNullOrEmpty(ns))
        {
            builder.Append("/namespaces/").Append(Uri.EscapeDataString(ns));
        }

        builder.Append('/').Append(resource.Plural);
        if (name.Length > 0)
        {
            builder.Append('/').Append(Uri.EscapeDataString(name));
        }

        if (subresource.Length > 0)
        {
            builder.Append('/').Append(subresource);
        }

        return builder.ToString();
    }

    private static string Query(ListOptions? options, bool watch)
    {
        var parts = new List<string>();
        if (watch)
        {
            parts.Add("watch=true");
        }

        if (options is not null)
        {
            Add(parts, "labelSelector", options.LabelSelector);
            Add(parts, "fieldSelector", options.FieldSelector);
            Add(parts, "continue", options.Continue);
            Add(parts, "resourceVersion", options.ResourceVersion);
            if (options.Limit > 0)
            {
                parts.Add("limit=" + options.Limit.ToString(CultureInfo.InvariantCulture));
            }

            if (options.AllowWatchBookmarks)
            {
                parts.Add("allowWatchBookmarks=true");
            }

            if (options.Timeout is { } timeout)
            {
                parts.Add("timeoutSeconds=" + ((long)timeout.TotalSeconds).ToString(CultureInfo.InvariantCulture));
            }
        }

        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    private static void Add(List<string> parts, string name, string value)
    {
        if (value.Length > 0)
        {
            parts.Add(name + "=" + Uri.EscapeDataString(value));
        }
    }
}
