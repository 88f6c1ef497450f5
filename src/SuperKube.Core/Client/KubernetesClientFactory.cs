using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using SuperKube.Objects;

namespace SuperKube.Client;

/// <summary>Creates <see cref="IKubernetesClient"/> instances that talk to a remote API server over HTTP.</summary>
public static class KubernetesClientFactory
{
    /// <summary>A client for the server at <paramref name="server"/>, sending <paramref name="token"/> as a bearer token when given.</summary>
    public static IKubernetesClient ForServer(Uri server, string? token = null, bool insecureSkipTlsVerify = false)
    {
        ArgumentNullException.ThrowIfNull(server);
        return new HttpKubernetesClient(CreateHttpClient(server, token, insecureSkipTlsVerify));
    }

    /// <summary>A client for the current context of a kubeconfig file (server URL, bearer token, insecure-skip-tls-verify).</summary>
    public static IKubernetesClient FromKubeconfig(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var config = YamlJson.Parse(File.ReadAllText(path)) as JsonObject
            ?? throw new InvalidOperationException($"{path} is not a kubeconfig");
        var contextName = (string?)config["current-context"] ?? "";
        var context = Named(config, "contexts", contextName)?["context"] as JsonObject
            ?? throw new InvalidOperationException($"{path}: current context \"{contextName}\" not found");
        var cluster = Named(config, "clusters", (string?)context["cluster"] ?? "")?["cluster"] as JsonObject
            ?? throw new InvalidOperationException($"{path}: cluster of context \"{contextName}\" not found");
        var user = Named(config, "users", (string?)context["user"] ?? "")?["user"] as JsonObject;
        var server = (string?)cluster["server"] ?? throw new InvalidOperationException($"{path}: cluster has no server");
        var skipVerify = cluster["insecure-skip-tls-verify"] is JsonValue v && v.TryGetValue<bool>(out var b) && b;
        return ForServer(new Uri(server), (string?)user?["token"], skipVerify);
    }

    /// <summary>The HTTP client the factory uses: base address, bearer token, no overall timeout (watches are long).</summary>
    internal static HttpClient CreateHttpClient(Uri server, string? token, bool insecureSkipTlsVerify)
    {
        var handler = new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1) };
        if (insecureSkipTlsVerify)
        {
#pragma warning disable CA5359 // The user asked for insecure-skip-tls-verify explicitly.
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
#pragma warning restore CA5359
        }

        var http = new HttpClient(handler) { BaseAddress = server, Timeout = Timeout.InfiniteTimeSpan };
        if (!string.IsNullOrEmpty(token))
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        http.DefaultRequestHeaders.UserAgent.ParseAdd("superkube/0.1");
        return http;
    }

    private static JsonObject? Named(JsonObject config, string list, string name) =>
        (config[list] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(e => (string?)e["name"] == name);
}
