using System.Text.Json.Nodes;
using SuperKube.IntegrationTests.Infrastructure;

namespace SuperKube.IntegrationTests.Kubectl;

/// <summary>
/// kubectl's generator commands POST protobuf bodies (client-go 1.31+); each must create the object the server
/// then serves as JSON, and <c>kubectl explain</c> must read the generated OpenAPI.
/// </summary>
public sealed class KubectlGeneratorTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private Infrastructure.Kubectl K => server.Kubectl;

    [Fact]
    public async Task CreateGenerators_ProtobufBodies_CreateTheObjects()
    {
        var ns = "gen-" + Guid.NewGuid().ToString("N")[..8];
        (await K.RunAsync("create", "namespace", ns)).EnsureSuccess();
        string[][] commands =
        [
            ["create", "configmap", "cm1", "--from-literal=a=b"],
            ["create", "secret", "generic", "s1", "--from-literal=k=v"],
            ["create", "secret", "docker-registry", "d1", "--docker-username=u", "--docker-password=p", "--docker-server=r.example"],
            ["create", "serviceaccount", "sa1"],
            ["create", "deployment", "web", "--image=nginx:1.25", "--replicas=2", "--port=80"],
            ["create", "job", "j1", "--image=busybox", "--", "echo", "hi"],
            ["create", "cronjob", "cj1", "--image=busybox", "--schedule=*/5 * * * *", "--", "echo", "hi"],
            ["create", "role", "r1", "--verb=get,list", "--resource=pods"],
            ["create", "rolebinding", "rb1", "--role=r1", "--user=alice"],
            ["create", "quota", "q1", "--hard=pods=10,cpu=2"],
            ["create", "poddisruptionbudget", "pdb1", "--selector=app=web", "--min-available=1"],
            ["create", "service", "clusterip", "svc1", "--tcp=80:8080"],
            ["create", "ingress", "ing1", "--rule=foo.com/bar=svc1:80"],
        ];

        foreach (var command in commands)
        {
            (await K.RunAsync(["-n", ns, .. command])).EnsureSuccess();
        }

        var configMap = await GetJsonAsync("configmap", "cm1", ns);
        Assert.Equal("b", (string?)configMap["data"]!["a"]);
        var secret = await GetJsonAsync("secret", "s1", ns);
        Assert.Equal("dg==", (string?)secret["data"]!["k"]);
        Assert.Equal("Opaque", (string?)secret["type"]);
        var deployment = await GetJsonAsync("deployment", "web", ns);
        Assert.Equal(2, (int?)deployment["spec"]!["replicas"]);
        Assert.Equal("nginx:1.25", (string?)deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]);
        Assert.Equal("RollingUpdate", (string?)deployment["spec"]!["strategy"]!["type"]);
        var job = await GetJsonAsync("job", "j1", ns);
        Assert.Equal("echo", (string?)job["spec"]!["template"]!["spec"]!["containers"]![0]!["command"]![0]);
        var role = await GetJsonAsync("role", "r1", ns);
        Assert.Equal("pods", (string?)role["rules"]![0]!["resources"]![0]);
        var service = await GetJsonAsync("service", "svc1", ns);
        Assert.Equal(8080, (int?)service["spec"]!["ports"]![0]!["targetPort"]);
    }

    [Fact]
    public async Task CreateClusterScopedGenerators_ProtobufBodies_CreateTheObjects()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        (await K.RunAsync("create", "clusterrole", "cr-" + suffix, "--verb=get", "--resource=nodes")).EnsureSuccess();
        (await K.RunAsync("create", "clusterrolebinding", "crb-" + suffix, "--clusterrole=cr-" + suffix, "--group=devs")).EnsureSuccess();
        (await K.RunAsync("create", "priorityclass", "pc-" + suffix, "--value=1000", "--description=high")).EnsureSuccess();

        var priority = await GetJsonAsync("priorityclass", "pc-" + suffix, null);
        Assert.Equal(1000, (int?)priority["value"]);
        Assert.Equal("PreemptLowerPriority", (string?)priority["preemptionPolicy"]);
        var binding = await GetJsonAsync("clusterrolebinding", "crb-" + suffix, null);
        Assert.Equal("devs", (string?)binding["subjects"]![0]!["name"]);
    }

    [Fact]
    public async Task CreateMoreGenerators_TlsSecretServicesAutoscaleToken_CreateTheObjects()
    {
        var ns = "gen2-" + Guid.NewGuid().ToString("N")[..8];
        (await K.RunAsync("create", "namespace", ns)).EnsureSuccess();
        var (cert, key) = WriteSelfSignedCertificate();
        string[][] commands =
        [
            ["create", "secret", "tls", "tls1", "--cert", cert, "--key", key],
            ["create", "service", "nodeport", "np1", "--tcp=80:8080", "--node-port=30080"],
            ["create", "service", "loadbalancer", "lb1", "--tcp=443:8443"],
            ["create", "service", "externalname", "ext1", "--external-name=db.example.com"],
            ["create", "deployment", "auto", "--image=nginx:1.25"],
            ["autoscale", "deployment", "auto", "--min=1", "--max=3", "--cpu-percent=80"],
            ["create", "serviceaccount", "robot"],
        ];

        foreach (var command in commands)
        {
            (await K.RunAsync(["-n", ns, .. command])).EnsureSuccess();
        }

        var token = (await K.RunAsync("-n", ns, "create", "token", "robot")).EnsureSuccess().StdOut.Trim();
        var tls = await GetJsonAsync("secret", "tls1", ns);
        Assert.Equal("kubernetes.io/tls", (string?)tls["type"]);
        Assert.NotNull(tls["data"]!["tls.crt"]);
        var nodePort = await GetJsonAsync("service", "np1", ns);
        Assert.Equal(("NodePort", 30080), ((string?)nodePort["spec"]!["type"], (int?)nodePort["spec"]!["ports"]![0]!["nodePort"]));
        Assert.Equal("LoadBalancer", (string?)(await GetJsonAsync("service", "lb1", ns))["spec"]!["type"]);
        Assert.Equal("db.example.com", (string?)(await GetJsonAsync("service", "ext1", ns))["spec"]!["externalName"]);
        var hpa = await GetJsonAsync("hpa", "auto", ns);
        Assert.Equal("auto", (string?)hpa["spec"]!["scaleTargetRef"]!["name"]);
        Assert.Equal(3, (int?)hpa["spec"]!["maxReplicas"]);
        Assert.Equal(3, token.Split('.').Length);
    }

    [Fact]
    public async Task Explain_PodContainers_PrintsFieldDescriptions()
    {
        var result = (await K.RunAsync("explain", "pods.spec.containers")).EnsureSuccess();

        Assert.Contains("KIND:       Pod", result.StdOut);
        Assert.Contains("FIELD: containers <[]Container>", result.StdOut);
        Assert.Matches(@"image\s+<string>", result.StdOut);
        Assert.Matches(@"ports\s+<\[\]ContainerPort>", result.StdOut);
    }

    [Fact]
    public async Task Explain_DeploymentStrategy_FollowsReferences()
    {
        var result = (await K.RunAsync("explain", "deployment.spec.strategy.rollingUpdate")).EnsureSuccess();

        Assert.Contains("GROUP:      apps", result.StdOut);
        Assert.Matches(@"maxSurge\s+<", result.StdOut);
        Assert.Contains("Most pods (number or percentage) that may exist above the desired count.", result.StdOut);
    }

    private (string Cert, string Key) WriteSelfSignedCertificate()
    {
        using var ecdsa = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=tls.example", ecdsa, System.Security.Cryptography.HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var cert = Path.Combine(server.DataDir, Guid.NewGuid().ToString("N") + ".crt");
        var key = Path.Combine(server.DataDir, Guid.NewGuid().ToString("N") + ".key");
        File.WriteAllText(cert, certificate.ExportCertificatePem());
        File.WriteAllText(key, ecdsa.ExportPkcs8PrivateKeyPem());
        return (cert, key);
    }

    private async Task<JsonNode> GetJsonAsync(string kind, string name, string? ns)
    {
        string[] args = ns is null ? ["get", kind, name, "-o", "json"] : ["get", kind, name, "-n", ns, "-o", "json"];
        return JsonNode.Parse((await K.RunAsync(args)).EnsureSuccess().StdOut)!;
    }
}
