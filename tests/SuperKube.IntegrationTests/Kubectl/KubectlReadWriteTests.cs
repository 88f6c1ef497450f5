using System.Text.Json.Nodes;
using SuperKube.IntegrationTests.Infrastructure;

namespace SuperKube.IntegrationTests.Kubectl;

/// <summary>The newcomer's walk-through of the foundation issue, driven by the real kubectl.</summary>
public sealed class KubectlReadWriteTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private Infrastructure.Kubectl K => server.Kubectl;

    [Fact]
    public async Task Version_Server_ReportsKubernetes132()
    {
        var result = (await K.RunAsync("version", "-o", "json")).EnsureSuccess();

        var json = JsonNode.Parse(result.StdOut)!;
        Assert.Equal("v1.32.4", (string?)json["serverVersion"]?["gitVersion"]);
        Assert.Equal("32", (string?)json["serverVersion"]?["minor"]);
    }

    [Fact]
    public async Task ApiResources_Discovery_ListsBuiltInsWithShortNamesAndGroups()
    {
        var result = (await K.RunAsync("api-resources")).EnsureSuccess();

        var lines = result.StdOut.Split('\n');
        Assert.Contains(lines, l => Words(l) is ["deployments", "deploy", "apps/v1", "true", "Deployment"]);
        Assert.Contains(lines, l => Words(l) is ["pods", "po", "v1", "true", "Pod"]);
        Assert.Contains(lines, l => Words(l) is ["nodes", "no", "v1", "false", "Node"]);
        Assert.Contains(lines, l => Words(l) is ["customresourcedefinitions", "crd,crds", "apiextensions.k8s.io/v1", "false", "CustomResourceDefinition"]);
        Assert.Contains(lines, l => Words(l) is ["horizontalpodautoscalers", "hpa", "autoscaling/v2", "true", "HorizontalPodAutoscaler"]);
    }

    [Fact]
    public async Task ApiVersions_Discovery_ListsEveryGroupVersion()
    {
        var result = (await K.RunAsync("api-versions")).EnsureSuccess();

        var versions = result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var expected in new[] { "v1", "apps/v1", "batch/v1", "autoscaling/v1", "autoscaling/v2", "rbac.authorization.k8s.io/v1", "policy/v1" })
        {
            Assert.Contains(expected, versions);
        }
    }

    [Fact]
    public async Task GetRaw_ApiV1_ReturnsResourceList()
    {
        var result = (await K.RunAsync("get", "--raw", "/api/v1")).EnsureSuccess();

        var json = JsonNode.Parse(result.StdOut)!;
        Assert.Equal("APIResourceList", (string?)json["kind"]);
        Assert.Contains(json["resources"]!.AsArray(), r => (string?)r!["name"] == "pods/status");
    }

    [Fact]
    public async Task GetNamespaces_FreshServer_HasSystemNamespaces()
    {
        var result = (await K.RunAsync("get", "namespaces")).EnsureSuccess();

        foreach (var ns in new[] { "default", "kube-system", "kube-public", "kube-node-lease" })
        {
            Assert.Contains(result.StdOut.Split('\n'), l => Words(l) is [var name, "Active", _] && name == ns);
        }
    }

    [Fact]
    public async Task CreateGetReplaceDelete_ConfigMap_BehavesAsOnKubernetes()
    {
        var ns = await NewNamespaceAsync();
        var file = WriteManifest($$"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: x
              namespace: {{ns}}
              labels:
                app: demo
            data:
              a: "1"
              b: two
            """);

        Assert.Contains("configmap/x created", (await K.RunAsync("create", "-f", file)).EnsureSuccess().StdOut);
        var wide = (await K.RunAsync("get", "cm", "-n", ns, "-o", "wide")).EnsureSuccess().StdOut;
        Assert.Matches(@"NAME\s+DATA\s+AGE", wide);
        Assert.Matches(@"x\s+2\s+\d+s", wide);
        var yaml = (await K.RunAsync("get", "cm", "x", "-n", ns, "-o", "yaml")).EnsureSuccess().StdOut;
        Assert.Contains("b: two", yaml);
        Assert.Matches("resourceVersion: \"\\d+\"", yaml);
        Assert.Matches("uid: [0-9a-f-]{36}", yaml);

        var current = JsonNode.Parse((await K.RunAsync("get", "cm", "x", "-n", ns, "-o", "json")).EnsureSuccess().StdOut)!;
        var staleVersion = (string)current["metadata"]!["resourceVersion"]!;
        (await K.RunAsync("label", "cm", "x", "-n", ns, "changed=yes")).EnsureSuccess();
        var stale = WriteManifest($$"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: x
              namespace: {{ns}}
              resourceVersion: "{{staleVersion}}"
            data:
              a: "3"
            """);
        var conflict = await K.RunAsync("replace", "-f", stale);
        Assert.NotEqual(0, conflict.ExitCode);
        Assert.Contains("the object has been modified; please apply your changes to the latest version and try again", conflict.StdErr);

        var deleted = (await K.RunAsync("delete", "-f", file)).EnsureSuccess();
        Assert.Contains("configmap \"x\" deleted", deleted.StdOut);
        var gone = await K.RunAsync("get", "cm", "x", "-n", ns);
        Assert.NotEqual(0, gone.ExitCode);
        Assert.Contains("configmaps \"x\" not found", gone.StdErr);
    }

    [Fact]
    public async Task Get_OutputFormatsAndSelectors_FilterAndPrint()
    {
        var ns = await NewNamespaceAsync();
        var file = WriteManifest($$"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: red
              namespace: {{ns}}
            data: {k: v}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: blue
              namespace: {{ns}}
              labels: {color: blue, tier: web}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: green
              namespace: {{ns}}
              labels: {color: green}
            """);
        (await K.RunAsync("create", "-f", file)).EnsureSuccess();

        // kube-root-ca.crt is published into every namespace by the service account controller.
        var jsonpath = (await K.RunAsync("get", "cm", "-n", ns, "--field-selector", "metadata.name!=kube-root-ca.crt", "-o", "jsonpath={.items[*].metadata.name}")).EnsureSuccess().StdOut;
        Assert.Equal("blue green red", jsonpath.Trim());
        var labels = (await K.RunAsync("get", "cm", "blue", "-n", ns, "--show-labels")).EnsureSuccess().StdOut;
        Assert.Contains("color=blue,tier=web", labels);
        var byLabel = (await K.RunAsync("get", "cm", "-n", ns, "-l", "color", "-o", "name")).EnsureSuccess().StdOut;
        Assert.Equal(["configmap/blue", "configmap/green"], byLabel.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var byField = (await K.RunAsync("get", "cm", "-n", ns, "--field-selector", "metadata.name=green", "-o", "name")).EnsureSuccess().StdOut;
        Assert.Equal("configmap/green", byField.Trim());
        var all = (await K.RunAsync("get", "cm", "-A")).EnsureSuccess().StdOut;
        Assert.Matches($@"(?m)^{ns}\s+blue\s+0\s+", all);
        var badField = await K.RunAsync("get", "cm", "-n", ns, "--field-selector", "spec.nonsense=1");
        Assert.NotEqual(0, badField.ExitCode);
        Assert.Contains("field label not supported: spec.nonsense", badField.StdErr);
    }

    [Fact]
    public async Task GetWatch_PodCreatedAndDeleted_PrintsChangesAndStaysOpen()
    {
        var ns = await NewNamespaceAsync();
        using var watch = K.Start(["get", "pods", "-n", ns, "-w"]);
        var lines = new LineReader(watch.StandardOutput);
        try
        {
            // A node selector nothing matches keeps the pod Pending however late the watch starts.
            (await K.RunAsync("run", "web", "-n", ns, "--image=busybox", "--restart=Never", "--overrides={\"spec\":{\"nodeSelector\":{\"superkube.test/none\":\"x\"}}}")).EnsureSuccess();
            var added = await lines.WaitForAsync(l => l.StartsWith("web ", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
            Assert.Contains("Pending", added);

            (await K.RunAsync("label", "pod", "web", "-n", ns, "seen=yes")).EnsureSuccess();
            await lines.WaitForAsync(l => l.StartsWith("web ", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
            Assert.False(watch.HasExited, "kubectl get -w must stay open");
        }
        finally
        {
            watch.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public async Task DeleteWait_ConfigMap_ReturnsWhenGone()
    {
        var ns = await NewNamespaceAsync();
        (await K.RunAsync(["create", "-n", ns, "-f", "-"], "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: temp\n", Infrastructure.Kubectl.DefaultTimeout)).EnsureSuccess();

        var result = (await K.RunAsync("delete", "configmap", "temp", "-n", ns, "--wait=true")).EnsureSuccess();

        Assert.Contains("configmap \"temp\" deleted", result.StdOut);
        Assert.NotEqual(0, (await K.RunAsync("get", "configmap", "temp", "-n", ns)).ExitCode);
    }

    private async Task<string> NewNamespaceAsync()
    {
        var name = "t-" + Guid.NewGuid().ToString("N")[..10];
        (await K.RunAsync(["create", "-f", "-"], $"apiVersion: v1\nkind: Namespace\nmetadata:\n  name: {name}\n", Infrastructure.Kubectl.DefaultTimeout)).EnsureSuccess();
        return name;
    }

    private string WriteManifest(string yaml)
    {
        var path = Path.Combine(server.DataDir, Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private static string[] Words(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
