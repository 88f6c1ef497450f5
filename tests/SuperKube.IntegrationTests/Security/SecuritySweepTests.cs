using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using SuperKube.Client;
using SuperKube.Security;
using SuperKube.Security.Pki;

namespace SuperKube.IntegrationTests.Security;

/// <summary>Every API path needs credentials; a least-privilege user is denied outside its role; garbage never yields a 5xx.</summary>
public sealed class SecuritySweepTests(SecureServerFixture server) : IClassFixture<SecureServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<List<string>> ResourcePathsAsync()
    {
        var paths = new List<string> { "/api", "/apis", "/api/v1", "/openapi/v3", "/openapi/v2", "/no/such/path", "/metrics" };
        var groups = JsonNode.Parse(await server.Http.GetStringAsync("/apis", Ct))!["groups"]!.AsArray();
        var versions = new List<string> { "/api/v1" };
        versions.AddRange(groups.Select(g => "/apis/" + (string?)g!["preferredVersion"]!["groupVersion"]));
        foreach (var version in versions)
        {
            paths.Add(version);
            var resources = JsonNode.Parse(await server.Http.GetStringAsync(version, Ct))!["resources"]!.AsArray();
            foreach (var r in resources.Select(r => (string?)r!["name"]).Where(n => n is not null && !n.Contains('/')))
            {
                paths.Add($"{version}/{r}");
                paths.Add($"{version}/namespaces/default/{r}/x");
            }
        }

        return paths;
    }

    [Fact]
    public async Task Anonymous_EveryPath_Unauthorized_ButHealthAndVersion()
    {
        using var anonymous = server.CreateHttpClient(token: null);
        var paths = await ResourcePathsAsync();

        var codes = new List<(string, HttpStatusCode)>();
        foreach (var path in paths)
        {
            using var response = await anonymous.GetAsync(path, Ct);
            codes.Add((path, response.StatusCode));
        }

        using var post = await anonymous.PostAsync("/api/v1/namespaces", new StringContent("{}"), Ct);
        Assert.True(paths.Count > 50);
        Assert.All(codes, c => Assert.True(c.Item2 == HttpStatusCode.Unauthorized, $"{c.Item1}: {c.Item2}"));
        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
        foreach (var open in new[] { "/healthz", "/livez", "/readyz", "/version" })
        {
            using var response = await anonymous.GetAsync(open, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task LeastPrivilegeUser_OutsideItsRole_Forbidden()
    {
        using var cert = server.ClientCertificate("least", "lp");
        using var http = server.CreateHttpClient(token: null, cert);
        var paths = (await ResourcePathsAsync()).Where(p => p.StartsWith("/api", StringComparison.Ordinal) && p.Count(c => c == '/') >= 3).ToList();

        var denied = 0;
        foreach (var path in paths.Where(p => !p.EndsWith("/selfsubjectaccessreviews", StringComparison.Ordinal)))
        {
            using var response = await http.DeleteAsync(path, Ct);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotFound,
                $"{path}: {response.StatusCode}");
            denied += response.StatusCode == HttpStatusCode.Forbidden ? 1 : 0;
        }

        using var discovery = await http.GetAsync("/apis", Ct);
        Assert.True(denied > 20);
        Assert.Equal(HttpStatusCode.OK, discovery.StatusCode);
    }

    [Fact]
    public async Task MalformedCredentials_Thousand_NeverServerError()
    {
        using var foreignCa = CertificateFactory.CreateAuthority("evil", DateTimeOffset.UtcNow, TimeSpan.FromDays(1));
        using var foreign = CertificateFactory.CreateClient(foreignCa, "admin", ["system:masters"], DateTimeOffset.UtcNow, TimeSpan.FromHours(1));
        using var withForeignCert = server.CreateHttpClient(token: null, foreign);
        using var plain = server.CreateHttpClient(token: null);
        var random = new Random(42);
        var headers = new[] { "Bearer", "Bearer ", "Basic YWRtaW46YWRtaW4=", "bearer a b", "Bearer a.b.c", "Bearer ..", "Bearer eyJhbGciOiJub25lIn0.e30." };

        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 1000; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/namespaces/default/pods");
            var header = (i % 3) switch
            {
                0 => headers[i % headers.Length],
                1 => "Bearer " + RandomText(random, i % 300 + 1),
                _ => "Bearer " + string.Join('.', RandomText(random, 20), RandomText(random, 40), RandomText(random, 86)),
            };
            request.Headers.TryAddWithoutValidation("Authorization", header);
            request.Headers.TryAddWithoutValidation(NodeJoin.NodeNameHeader, RandomText(random, 10));
            using var response = await (i % 50 == 0 ? withForeignCert : plain).SendAsync(request, Ct);
            codes.Add(response.StatusCode);
        }

        Assert.All(codes, c => Assert.Equal(HttpStatusCode.Unauthorized, c));
    }

    [Fact]
    public async Task NodeJoinToken_RightTokenOnly()
    {
        var ca = server.Pki.ClusterAuthorityPem;
        var headers = new Dictionary<string, string> { [NodeJoin.NodeNameHeader] = "joiner" };
        var good = KubernetesClientFactory.ForServer(server.Url, server.Pki.NodeToken, ca, headers);
        var bad = KubernetesClientFactory.ForServer(server.Url, server.Pki.NodeToken + "0", ca, headers);
        var node = JsonNode.Parse("""{"apiVersion":"v1","kind":"Node","metadata":{"name":"joiner"}}""")!.AsObject();

        var rejected = await Assert.ThrowsAsync<SuperKube.Api.ApiException>(() => bad.CreateAsync(ApiResource.Nodes, null, node, Ct));
        var created = await good.CreateAsync(ApiResource.Nodes, null, node, Ct);
        var secretDenied = await Assert.ThrowsAsync<SuperKube.Api.ApiException>(() => good.DeleteAsync(ApiResource.Namespaces, null, "default", null, Ct));

        Assert.Equal(401, rejected.Code);
        Assert.Equal("joiner", (string?)created["metadata"]!["name"]);
        Assert.Equal(403, secretDenied.Code);
    }

    [Fact]
    public async Task PkiFiles_OwnerOnly_AndSecretsNotInOutput()
    {
        var files = Directory.GetFiles(server.Pki.Directory);
        var output = new StringWriter();
        await SuperKube.Host.ServerSecurity.DescribeAsync(output, server.Url.ToString(), server.Pki);

        Assert.Contains(files, f => f.EndsWith("ca.key", StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            Assert.All(files, f => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f)));
        }

        Assert.DoesNotContain(server.Pki.NodeToken, output.ToString());
        Assert.DoesNotContain(server.Pki.AdminToken, output.ToString());
        Assert.DoesNotContain("PRIVATE KEY", output.ToString());
    }

    private static string RandomText(Random random, int length)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:%~";
        return new string([.. Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)])]);
    }
}
