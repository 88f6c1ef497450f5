using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
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

    /// <summary>
    /// A client for an https server whose certificate is signed by <paramref name="certificateAuthorityPem"/> (only that
    /// CA is trusted), with a bearer token and extra request headers (a joining node names itself in one).
    /// </summary>
    public static IKubernetesClient ForServer(Uri server, string? token, string? certificateAuthorityPem, IReadOnlyDictionary<string, string>? headers = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        var http = CreateHttpClient(server, token, insecureSkipTlsVerify: false, certificateAuthorityPem);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            http.DefaultRequestHeaders.Add(name, value);
        }

        return new HttpKubernetesClient(http);
    }

    /// <summary>A client for the current context of a kubeconfig file (server URL, bearer token, insecure-skip-tls-verify).</summary>
    public static IKubernetesClient FromKubeconfig(string path) => new HttpKubernetesClient(HttpClientFromKubeconfig(path));

    /// <summary>The HTTP client <see cref="FromKubeconfig"/> uses: the current context's server, token and trusted CA.</summary>
    internal static HttpClient HttpClientFromKubeconfig(string path)
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
        var caData = (string?)cluster["certificate-authority-data"];
        var caFile = (string?)cluster["certificate-authority"];
        var ca = caData is { Length: > 0 } ? System.Text.Encoding.ASCII.GetString(Convert.FromBase64String(caData))
            : caFile is { Length: > 0 } ? File.ReadAllText(caFile) : null;
        return CreateHttpClient(new Uri(server), (string?)user?["token"], skipVerify, ca);
    }

    /// <summary>The HTTP client the factory uses: base address, bearer token, trusted CA, no overall timeout (watches are long).</summary>
    internal static HttpClient CreateHttpClient(Uri server, string? token, bool insecureSkipTlsVerify, string? certificateAuthorityPem = null)
    {
        var handler = new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1) };
        if (certificateAuthorityPem is { Length: > 0 } && !insecureSkipTlsVerify)
        {
            handler.SslOptions.CertificateChainPolicy = TrustOnly(certificateAuthorityPem);
        }
        else if (insecureSkipTlsVerify)
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

    /// <summary>A chain policy that trusts only the given CA (as kubectl does with certificate-authority-data).</summary>
    internal static X509ChainPolicy TrustOnly(string certificateAuthorityPem)
    {
        var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
        policy.CustomTrustStore.Add(X509Certificate2.CreateFromPem(certificateAuthorityPem));
        return policy;
    }

    private static JsonObject? Named(JsonObject config, string list, string name) =>
        (config[list] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(e => (string?)e["name"] == name);
}
