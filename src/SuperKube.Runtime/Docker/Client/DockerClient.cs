using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SuperKube.Runtime.Containers;
using SuperKube.Runtime.Docker.Api;

namespace SuperKube.Runtime.Docker.Client;

/// <summary>
/// A small Docker Engine API client over <see cref="HttpClient"/>: connections go to the unix socket or TCP address
/// of <see cref="DockerEndpoint"/>; the API version is negotiated on first use; upgraded (exec/attach) requests use
/// <see cref="DockerHijack"/>.
/// </summary>
internal sealed class DockerClient : IDockerClient
{
    private readonly HttpClient _http;
    private readonly Lock _lock = new();
    private Task<string>? _prefix;

    public DockerClient(DockerEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        Endpoint = endpoint;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, token) => (await endpoint.ConnectAsync(token).ConfigureAwait(false)).Stream,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        };
        _http = new HttpClient(handler) { BaseAddress = new Uri("http://docker/"), Timeout = Timeout.InfiniteTimeSpan };
    }

    public DockerEndpoint Endpoint { get; }

    public async Task<DockerVersionResponse> GetVersionAsync(CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(new HttpRequestMessage(HttpMethod.Get, "version"), HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, DockerJsonContext.Default.DockerVersionResponse, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ImageInspectResponse?> InspectImageAsync(string image, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"images/{Uri.EscapeDataString(image)}/json", null, cancellationToken, allowNotFound: true).ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await ReadAsync(response, DockerJsonContext.Default.ImageInspectResponse, cancellationToken).ConfigureAwait(false);
    }

    public async Task PullImageAsync(string image, string? registryAuth, IProgress<ProgressMessage>? progress, CancellationToken cancellationToken)
    {
        var (name, tag) = DockerImageReference.Split(image);
        var query = "images/create?fromImage=" + Uri.EscapeDataString(name) + (tag is null ? "" : "&tag=" + Uri.EscapeDataString(tag));
        using var request = await RequestAsync(HttpMethod.Post, query, null, cancellationToken).ConfigureAwait(false);
        if (registryAuth is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Registry-Auth", registryAuth);
        }

        using var response = await SendCheckedAsync(request, HttpCompletionOption.ResponseHeadersRead, allowNotFound: false, cancellationToken).ConfigureAwait(false);
        await ReadProgressAsync(response, progress, cancellationToken).ConfigureAwait(false);
    }

    public async Task ImportImageAsync(Stream rootFileSystemTar, string reference, CancellationToken cancellationToken)
    {
        var (name, tag) = DockerImageReference.Split(reference);
        var query = "images/create?fromSrc=-&repo=" + Uri.EscapeDataString(name) + (tag is null ? "" : "&tag=" + Uri.EscapeDataString(tag));
        using var request = await RequestAsync(HttpMethod.Post, query, null, cancellationToken).ConfigureAwait(false);
        request.Content = new StreamContent(rootFileSystemTar);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
        using var response = await SendCheckedAsync(request, HttpCompletionOption.ResponseHeadersRead, allowNotFound: false, cancellationToken).ConfigureAwait(false);
        await ReadProgressAsync(response, null, cancellationToken).ConfigureAwait(false);
    }

    public async Task<string> CreateContainerAsync(string? name, ContainerCreateRequest request, CancellationToken cancellationToken)
    {
        var path = "containers/create" + (name is null ? "" : "?name=" + Uri.EscapeDataString(name));
        using var response = await SendAsync(HttpMethod.Post, path, Json(request, DockerJsonContext.Default.ContainerCreateRequest), cancellationToken).ConfigureAwait(false);
        return (await ReadAsync(response, DockerJsonContext.Default.IdResponse, cancellationToken).ConfigureAwait(false)).Id;
    }

    public async Task StartContainerAsync(string id, CancellationToken cancellationToken)
    {
        using var _ = await SendAsync(HttpMethod.Post, $"containers/{Escape(id)}/start", null, cancellationToken).ConfigureAwait(false);
    }

    public async Task StopContainerAsync(string id, int timeoutSeconds, CancellationToken cancellationToken)
    {
        var seconds = timeoutSeconds.ToString(CultureInfo.InvariantCulture);
        using var _ = await SendAsync(HttpMethod.Post, $"containers/{Escape(id)}/stop?t={seconds}", null, cancellationToken).ConfigureAwait(false);
    }

    public async Task KillContainerAsync(string id, string signal, CancellationToken cancellationToken)
    {
        using var _ = await SendAsync(HttpMethod.Post, $"containers/{Escape(id)}/kill?signal={Uri.EscapeDataString(signal)}", null, cancellationToken).ConfigureAwait(false);
    }

    public async Task RemoveContainerAsync(string id, bool force, CancellationToken cancellationToken)
    {
        var query = $"containers/{Escape(id)}?v=1&force={(force ? "1" : "0")}";
        using var _ = await SendAsync(HttpMethod.Delete, query, null, cancellationToken, allowNotFound: true).ConfigureAwait(false);
    }

    public async Task<ContainerInspectResponse?> InspectContainerAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"containers/{Escape(id)}/json", null, cancellationToken, allowNotFound: true).ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await ReadAsync(response, DockerJsonContext.Default.ContainerInspectResponse, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ContainerSummary>> ListContainersAsync(IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        var filter = new Dictionary<string, List<string>> { ["label"] = [.. labels.Select(l => l.Key + "=" + l.Value)] };
        var json = JsonSerializer.Serialize(filter, DockerJsonContext.Default.DictionaryStringListString);
        using var response = await SendAsync(HttpMethod.Get, "containers/json?all=1&filters=" + Uri.EscapeDataString(json), null, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, DockerJsonContext.Default.ListContainerSummary, cancellationToken).ConfigureAwait(false);
    }

    public async Task WaitContainerAsync(string id, string condition, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, $"containers/{Escape(id)}/wait?condition={condition}", null, cancellationToken).ConfigureAwait(false);
        await ReadAsync(response, DockerJsonContext.Default.WaitResponse, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Stream> GetLogsAsync(string id, string query, CancellationToken cancellationToken)
    {
        using var request = await RequestAsync(HttpMethod.Get, $"containers/{Escape(id)}/logs?{query}", null, cancellationToken).ConfigureAwait(false);
        var response = await SendCheckedAsync(request, HttpCompletionOption.ResponseHeadersRead, allowNotFound: false, cancellationToken).ConfigureAwait(false);
        return new OwningStream(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), response);
    }

    public async Task<string> CreateExecAsync(string id, ExecCreateRequest request, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, $"containers/{Escape(id)}/exec", Json(request, DockerJsonContext.Default.ExecCreateRequest), cancellationToken).ConfigureAwait(false);
        return (await ReadAsync(response, DockerJsonContext.Default.IdResponse, cancellationToken).ConfigureAwait(false)).Id;
    }

    public async Task<HijackedStream> StartExecAsync(string execId, bool tty, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new ExecStartRequest { Tty = tty }, DockerJsonContext.Default.ExecStartRequest);
        return await HijackAsync($"exec/{Escape(execId)}/start", body, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ExecInspectResponse> InspectExecAsync(string execId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"exec/{Escape(execId)}/json", null, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, DockerJsonContext.Default.ExecInspectResponse, cancellationToken).ConfigureAwait(false);
    }

    public async Task ResizeExecAsync(string execId, int width, int height, CancellationToken cancellationToken)
    {
        using var _ = await SendAsync(HttpMethod.Post, $"exec/{Escape(execId)}/resize?{Size(width, height)}", null, cancellationToken).ConfigureAwait(false);
    }

    public async Task<HijackedStream> AttachContainerAsync(string id, bool stdin, bool stdout, bool stderr, CancellationToken cancellationToken) =>
        await HijackAsync($"containers/{Escape(id)}/attach?stream=1&stdin={Flag(stdin)}&stdout={Flag(stdout)}&stderr={Flag(stderr)}", null, cancellationToken).ConfigureAwait(false);

    public async Task ResizeContainerAsync(string id, int width, int height, CancellationToken cancellationToken)
    {
        using var _ = await SendAsync(HttpMethod.Post, $"containers/{Escape(id)}/resize?{Size(width, height)}", null, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ContainerStatsResponse> GetStatsAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"containers/{Escape(id)}/stats?stream=false", null, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, DockerJsonContext.Default.ContainerStatsResponse, cancellationToken).ConfigureAwait(false);
    }

    public async Task PutArchiveAsync(string id, string path, Stream tar, CancellationToken cancellationToken)
    {
        var content = new StreamContent(tar);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
        using var _ = await SendAsync(HttpMethod.Put, $"containers/{Escape(id)}/archive?path={Uri.EscapeDataString(path)}", content, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _http.Dispose();

    private static string Escape(string id) => Uri.EscapeDataString(id);

    private static string Flag(bool value) => value ? "1" : "0";

    private static string Size(int width, int height) =>
        $"h={height.ToString(CultureInfo.InvariantCulture)}&w={width.ToString(CultureInfo.InvariantCulture)}";

    private static ByteArrayContent Json<T>(T value, JsonTypeInfo<T> type)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, type));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await JsonSerializer.DeserializeAsync(stream, type, cancellationToken).ConfigureAwait(false)
                   ?? throw new ContainerRuntimeException($"the Docker engine sent an empty {typeof(T).Name}");
        }
    }

    /// <summary>Reads JSON progress lines to the end; the first error line becomes an exception.</summary>
    private static async Task ReadProgressAsync(HttpResponseMessage response, IProgress<ProgressMessage>? progress, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(stream);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var message = JsonSerializer.Deserialize(line, DockerJsonContext.Default.ProgressMessage);
            if (message is null)
            {
                continue;
            }

            if ((message.ErrorDetail?.Message ?? message.Error) is { Length: > 0 } error)
            {
                throw new DockerApiException(HttpStatusCode.InternalServerError, error);
            }

            progress?.Report(message);
        }
    }

    private async Task<HijackedStream> HijackAsync(string path, byte[]? body, CancellationToken cancellationToken)
    {
        var prefix = await PrefixAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await DockerHijack.UpgradeAsync(Endpoint, "/" + prefix + path, body, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            throw Unreachable(ex);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken, bool allowNotFound = false)
    {
        using var request = await RequestAsync(method, path, content, cancellationToken).ConfigureAwait(false);
        return await SendCheckedAsync(request, HttpCompletionOption.ResponseContentRead, allowNotFound, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpRequestMessage> RequestAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken) =>
        new(method, await PrefixAsync(cancellationToken).ConfigureAwait(false) + path) { Content = content };

    private async Task<HttpResponseMessage> SendCheckedAsync(HttpRequestMessage request, HttpCompletionOption completion, bool allowNotFound, CancellationToken cancellationToken)
    {
        var response = await SendRawAsync(request, completion, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotModified || (allowNotFound && response.StatusCode == HttpStatusCode.NotFound))
        {
            return response;
        }

        using (response)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            throw new DockerApiException(response.StatusCode, DockerHijack.ErrorMessage(body, (int)response.StatusCode));
        }
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw Unreachable(ex);
        }
    }

    private ContainerRuntimeException Unreachable(Exception ex) =>
        new($"cannot reach the Docker engine at {Endpoint}: {(ex.InnerException ?? ex).Message}", ex);

    /// <summary>The versioned path prefix (<c>v1.41/</c>), negotiated once; a failed negotiation is retried on the next call.</summary>
    private Task<string> PrefixAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_prefix is null || _prefix.IsFaulted || _prefix.IsCanceled)
            {
                _prefix = NegotiateAsync();
            }

            return _prefix.WaitAsync(cancellationToken);
        }
    }

    private async Task<string> NegotiateAsync()
    {
        var version = await GetVersionAsync(CancellationToken.None).ConfigureAwait(false);
        return "v" + DockerApiVersion.Negotiate(version.ApiVersion) + "/";
    }
}
