using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using SuperKube.Benchmarks.Infrastructure;
using SuperKube.Security.Pki;

namespace SuperKube.Benchmarks.Modes;

/// <summary>
/// The cost of security on reads: GET of one ConfigMap from <c>superkube server</c> as it runs by default (TLS,
/// authentication, RBAC) by a non-admin ServiceAccount allowed by a RoleBinding, sending its bearer token, against a
/// bare Kestrel endpoint serving the same bytes over TLS with the same certificate (wrk, back to back). See docs/benchmarks.md.
/// </summary>
internal static class SecurityBenchmark
{
    public const string Help = "[--server PATH/superkube.dll|PATH/superkube] [--duration-seconds 10] [--connections 64] [--markdown FILE]";
    private const string Namespace = "default";
    private const string GetName = "bench-get";
    private const string Reader = "bench-reader";
    private const double GetRatioTarget = 0.35;

    public static async Task<int> RunAsync(string[] args)
    {
        if (FoundationOptions.ParseForWrk(args, "security", Help, out var options) is { } exitCode)
        {
            return exitCode;
        }

        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var cancellationToken = cancellation.Token;
        var serverDll = options.Server ?? await HostBuild.PublishAsync(cancellationToken);
        // The PKI is made here, as the server would make it on first start, so the probe can trust the cluster CA.
        var dataDir = Directory.CreateTempSubdirectory("superkube-bench-").FullName;
        using var pki = ClusterPki.LoadOrCreate(
            Path.Combine(dataDir, "pki"), ServerNames.For("127.0.0.1", "10.96.0.0/12", "cluster.local", []), TimeProvider.System);
        var handler = new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(10), UseProxy = false }; // includes the TLS handshake
        handler.SslOptions.CertificateChainPolicy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
        handler.SslOptions.CertificateChainPolicy.CustomTrustStore.Add(pki.ClusterAuthority);
        using var probe = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(20) };
        Console.WriteLine(FoundationBenchmark.Machine());

        var table = new SummaryTable();
        await using (var server = await SuperKubeServer.StartAsync(serverDll, probe, cancellationToken, secure: true, dataDir: dataDir))
        {
            var admin = pki.AdminToken;
            var token = await PrepareReaderAsync(probe, server.Url, admin, cancellationToken);
            var path = $"/api/v1/namespaces/{Namespace}/configmaps/{GetName}";
            var objectUrl = new Uri(server.Url, path);
            var (body, contentType) = await GetAsync(probe, objectUrl, token, cancellationToken);
            var bodyFile = Path.GetTempFileName();
            try
            {
                await File.WriteAllBytesAsync(bodyFile, body, cancellationToken);
                var port = FreePort.Next();
                var self = Path.Combine(AppContext.BaseDirectory, "SuperKube.Benchmarks.dll");
                await using var bare = ChildProcess.Start(
                    "dotnet", self, BareKestrelServer.ModeName, "--port", port.ToString(CultureInfo.InvariantCulture), "--path", path,
                    "--body", bodyFile, "--content-type", contentType, "--tls-cert", Path.Combine(pki.Directory, "apiserver.crt"), "--tls-key", Path.Combine(pki.Directory, "apiserver.key"));
                var bareUrl = new Uri($"https://127.0.0.1:{port}{path}");
                await bare.WaitForOkAsync(probe, bareUrl, TimeSpan.FromSeconds(30), cancellationToken);

                var secured = await FoundationBenchmark.MeasureGetAsync("superkube, TLS + RBAC, ServiceAccount token", objectUrl, options, cancellationToken, $"Authorization: Bearer {token}");
                var asAdmin = await FoundationBenchmark.MeasureGetAsync("superkube, TLS, admin token (system:masters)", objectUrl, options, cancellationToken, $"Authorization: Bearer {admin}");
                var baseline = await FoundationBenchmark.MeasureGetAsync("bare Kestrel, TLS", bareUrl, options, cancellationToken);
                var ratio = secured.RequestsPerSecond / baseline.RequestsPerSecond;
                var wrk = $"wrk -t{FoundationBenchmark.WrkThreads} -c{options.Connections} -d{options.DurationSeconds}s";
                table.Add($"GET one ConfigMap ({body.Length} bytes), TLS + RBAC, ServiceAccount bearer token via RoleBinding ({wrk})", FoundationBenchmark.Rate(secured));
                table.Add("GET same, admin bearer token (system:masters)", FoundationBenchmark.Rate(asAdmin));
                table.Add("GET same bytes, bare Kestrel with TLS, same certificate", FoundationBenchmark.Rate(baseline));
                table.Add("GET ratio TLS + RBAC / bare Kestrel TLS", $"{ratio:P0}", $">= {GetRatioTarget:P0}", ratio >= GetRatioTarget);
            }
            finally
            {
                File.Delete(bodyFile);
            }
        }

        return await table.ReportAsync(FoundationBenchmark.Machine(), options.Markdown, cancellationToken);
    }

    /// <summary>As the admin: the ConfigMap to read, a ServiceAccount allowed to get ConfigMaps by a Role and RoleBinding, and a token for it.</summary>
    private static async Task<string> PrepareReaderAsync(HttpClient client, Uri server, string admin, CancellationToken cancellationToken)
    {
        async Task<JsonNode> PostAsync(string path, string json)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, path)) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
            using var response = await client.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return response.IsSuccessStatusCode ? JsonNode.Parse(text)! : throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {text}");
        }

        const string core = $"api/v1/namespaces/{Namespace}";
        const string rbac = $"apis/rbac.authorization.k8s.io/v1/namespaces/{Namespace}";
        await PostAsync($"{core}/configmaps", $$$"""
            {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"{{{GetName}}}","labels":{"app":"bench"}},
             "data":{"greeting":"hello","config.yaml":"replicas: 3\nimage: nginx:1.27\n"}}
            """);
        await PostAsync($"{core}/serviceaccounts", $$$"""{"apiVersion":"v1","kind":"ServiceAccount","metadata":{"name":"{{{Reader}}}"}}""");
        await PostAsync($"{rbac}/roles", $$$"""
            {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"Role","metadata":{"name":"{{{Reader}}}"},
             "rules":[{"apiGroups":[""],"resources":["configmaps"],"verbs":["get","list","watch"]}]
            }
            """);
        await PostAsync($"{rbac}/rolebindings", $$$"""
            {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"RoleBinding","metadata":{"name":"{{{Reader}}}"},
             "roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"Role","name":"{{{Reader}}}"},
             "subjects":[{"kind":"ServiceAccount","name":"{{{Reader}}}","namespace":"{{{Namespace}}}"}]
            }
            """);
        var review = await PostAsync($"{core}/serviceaccounts/{Reader}/token", """{"apiVersion":"authentication.k8s.io/v1","kind":"TokenRequest","spec":{"expirationSeconds":3600}}""");
        return (string?)review["status"]?["token"] ?? throw new InvalidOperationException("the TokenRequest returned no token");
    }

    private static async Task<(byte[] Body, string ContentType)> GetAsync(HttpClient client, Uri url, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsByteArrayAsync(cancellationToken), response.Content.Headers.ContentType?.ToString() ?? "application/json");
    }
}
