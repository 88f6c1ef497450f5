using System.Text.Json.Nodes;
using SuperKube.Host;
using SuperKube.IntegrationTests.Infrastructure;

namespace SuperKube.IntegrationTests.Security.Audit;

/// <summary>The audit log of a server started with a policy file, driven by the real kubectl.</summary>
public sealed class AuditLogTests(AuditedServerFixture server) : IClassFixture<AuditedServerFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<List<JsonObject>> EventsAsync(Func<JsonObject, bool> match, int atLeast = 1) =>
        await Poll.UntilAsync(
            async () =>
            {
                var events = (await server.ReadAuditLogAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
                    .Select(line => JsonNode.Parse(line)!.AsObject()).Where(match).ToList();
                return events.Count >= atLeast ? events : null;
            },
            Deadline,
            () => "the audit events did not appear in:\n" + File.ReadAllText(server.AuditLogPath));

    private static bool Is(JsonObject e, string verb, string resource, string name) =>
        (string?)e["verb"] == verb && (string?)e["objectRef"]?["resource"] == resource && (string?)e["objectRef"]?["name"] == name;

    [Fact]
    public async Task Kubectl_Writes_LoggedAtThePolicyLevels_SecretsWithoutTheirData()
    {
        var ns = "audit-" + Guid.NewGuid().ToString("N")[..8];
        var secretValue = "s3cr3t-" + Guid.NewGuid().ToString("N");
        var configValue = "visible-" + Guid.NewGuid().ToString("N");
        (await server.Kubectl.RunAsync("create", "namespace", ns)).EnsureSuccess();

        (await server.Kubectl.RunAsync("create", "secret", "generic", "db", "-n", ns, $"--from-literal=password={secretValue}")).EnsureSuccess();
        (await server.Kubectl.RunAsync("get", "secret", "db", "-n", ns, "-o", "yaml")).EnsureSuccess();
        (await server.Kubectl.RunAsync("create", "configmap", "app", "-n", ns, $"--from-literal=k={configValue}")).EnsureSuccess();
        var admin = server.KubectlWithToken(server.Pki.AdminToken);
        (await admin.RunAsync("label", "namespace", ns, "audited=yes")).EnsureSuccess();

        var secretCreate = (await EventsAsync(e => Is(e, "create", "secrets", "db"))).Single();
        var secretGet = (await EventsAsync(e => Is(e, "get", "secrets", "db") && (string?)e["stage"] == "ResponseComplete")).Single();
        var configDone = (await EventsAsync(e => Is(e, "create", "configmaps", "app"))).Single();
        var configCreate = await EventsAsync(e => (string?)e["auditID"] == (string?)configDone["auditID"], atLeast: 2);
        var label = (await EventsAsync(e => Is(e, "patch", "namespaces", ns))).Single(e => (string?)e["stage"] == "ResponseComplete");
        var log = await server.ReadAuditLogAsync();

        Assert.Equal("Metadata", (string?)secretCreate["level"]);
        Assert.Equal("audit.k8s.io/v1", (string?)secretCreate["apiVersion"]);
        Assert.Equal("Event", (string?)secretCreate["kind"]);
        Assert.Equal($"/api/v1/namespaces/{ns}/secrets", ((string?)secretCreate["requestURI"])?.Split('?')[0]);
        Assert.Equal(ns, (string?)secretCreate["objectRef"]!["namespace"]);
        Assert.Equal("v1", (string?)secretCreate["objectRef"]!["apiVersion"]);
        Assert.Equal(201, (int?)secretCreate["responseStatus"]!["code"]);
        Assert.Contains("system:masters", secretCreate["user"]!["groups"]!.AsArray().Select(g => (string?)g));
        Assert.Equal("127.0.0.1", (string?)secretCreate["sourceIPs"]![0]);
        Assert.StartsWith("kubectl/", (string?)secretCreate["userAgent"]);
        Assert.NotNull(secretCreate["requestReceivedTimestamp"]);
        Assert.NotNull(secretCreate["stageTimestamp"]);
        Assert.Null(secretCreate["requestObject"]);
        Assert.Null(secretGet["responseObject"]);
        Assert.Equal(["RequestReceived", "ResponseComplete"], configCreate.Select(e => (string?)e["stage"]).Order());
        Assert.Equal("RequestResponse", (string?)configDone["level"]);
        Assert.Equal(configValue, (string?)configDone["requestObject"]!["data"]!["k"]);
        Assert.Equal("app", (string?)configDone["responseObject"]!["metadata"]!["name"]);
        Assert.Equal("Request", (string?)label["level"]);
        Assert.Equal("yes", (string?)label["requestObject"]!["metadata"]!["labels"]!["audited"]);
        Assert.Null(label["responseObject"]);
        Assert.DoesNotContain(secretValue, log);
        Assert.DoesNotContain(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(secretValue)), log);
        Assert.DoesNotContain(server.Pki.AdminToken, log);
        Assert.DoesNotContain("\"/healthz", log);
        Assert.True(server.Logs.Count > 0);
        Assert.DoesNotContain(secretValue, server.Logs.Text);
        Assert.DoesNotContain(server.Pki.AdminToken, server.Logs.Text);
    }

    [Fact]
    public async Task Refusals_LoggedWithTheirStatus_AndAuditIdReturned()
    {
        var nobody = server.KubectlAs("nobody", "interns");
        using var anonymous = server.CreateHttpClient(token: "not-a-token");

        var forbidden = await nobody.RunAsync("get", "secrets", "-n", "default");
        using var unauthorized = await anonymous.GetAsync("/api/v1/namespaces/default/pods", Ct);
        using var ok = await server.Http.GetAsync("/api/v1/namespaces/default/pods", Ct);
        var denied = (await EventsAsync(e => (string?)e["user"]?["username"] == "nobody" && (int?)e["responseStatus"]?["code"] == 403)).First();
        var refused = (await EventsAsync(e => (int?)e["responseStatus"]?["code"] == 401)).First();
        var auditId = ok.Headers.GetValues("Audit-Id").Single();
        var listed = (await EventsAsync(e => (string?)e["auditID"] == auditId)).Single();

        Assert.NotEqual(0, forbidden.ExitCode);
        Assert.Equal("Metadata", (string?)denied["level"]);
        Assert.Equal("list", (string?)denied["verb"]);
        Assert.Equal("Forbidden", (string?)denied["responseStatus"]!["reason"]);
        Assert.Contains("cannot list resource \"secrets\"", (string?)denied["responseStatus"]!["message"]);
        Assert.Equal(["interns", "system:authenticated"], denied["user"]!["groups"]!.AsArray().Select(g => (string?)g));
        Assert.Empty(refused["user"]!.AsObject());
        Assert.Equal("Unauthorized", (string?)refused["responseStatus"]!["reason"]);
        Assert.Equal("list", (string?)listed["verb"]);
        Assert.Equal("ResponseComplete", (string?)listed["stage"]);
        Assert.DoesNotContain("not-a-token", await server.ReadAuditLogAsync());
    }

    [Fact]
    public async Task BadPolicyFile_ServerDoesNotStart_AndSaysWhy()
    {
        var dir = Path.Combine(Path.GetTempPath(), "superkube-audit-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var policy = Path.Combine(dir, "policy.yaml");
        await File.WriteAllTextAsync(policy, "apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n- level: Everything\n", Ct);
        var settings = new ServerSettings { DataDir = dir, Port = 0, Runtime = "fake", Audit = new() { LogPath = Path.Combine(dir, "audit.log"), PolicyFile = policy } };
        var output = new StringWriter();

        try
        {
            var code = await ServerHost.RunAsync(settings, output, Ct);

            Assert.Equal(1, code);
            Assert.Contains($"audit policy {policy}: rules[0].level: Unsupported value: \"Everything\"", output.ToString());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
